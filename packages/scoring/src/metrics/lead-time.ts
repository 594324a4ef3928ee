import type { SystemFacts } from "../facts/types.ts";
import type { MetricValue } from "./deployments-per-week.ts";
import { productionDeploys } from "./production-deploys.ts";
import { hourMs } from "../time.ts";
import { medianOfSorted, percentileOfSorted, sortAscending } from "./stats.ts";

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
  // Sorted once, in place: the array is this function's own.
  const sorted = sortAscending(hours);
  return { value: { p50: medianOfSorted(sorted), p90: percentileOfSorted(sorted, 0.9) }, evidence };
}
