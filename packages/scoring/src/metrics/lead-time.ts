import type { SystemFacts } from "../facts/types.ts";
import type { MetricValue } from "./deployments-per-week.ts";
import { productionDeploys } from "./production-deploys.ts";
import { hourMs } from "../time.ts";
import { median, percentile } from "./stats.ts";

/** Hours from changeRequestedAt to the succeeded production deploy, p50 and p90 (nearest rank). */
export function leadTimeHours(
  facts: SystemFacts,
  from: number,
  to: number,
  rows: readonly number[] = productionDeploys(facts, from, to),
): MetricValue<{ p50: number | null; p90: number | null }> {
  const { id, t, requestedAt } = facts.deploys;
  const hours: number[] = [];
  const evidence: string[] = [];
  for (const i of rows) {
    const requested = requestedAt[i];
    if (requested === null || requested === undefined) continue;
    hours.push(Math.max(0, (t[i] as number) - requested) / hourMs);
    evidence.push(id[i] as string);
  }
  return { value: { p50: median(hours), p90: percentile(hours, 0.9) }, evidence };
}
