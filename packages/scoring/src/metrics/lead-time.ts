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
): MetricValue<{ p50: number | null; p90: number | null }> {
  const measured = productionDeploys(facts, from, to).filter((d) => d.requestedAt !== null);
  const hours = measured.map((d) => Math.max(0, d.t - (d.requestedAt as number)) / hourMs);
  return { value: { p50: median(hours), p90: percentile(hours, 0.9) }, evidence: measured.map((d) => d.id) };
}
