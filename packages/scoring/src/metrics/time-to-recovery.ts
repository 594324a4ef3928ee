import { rowsBetween } from "../facts/columns.ts";
import type { SystemFacts } from "../facts/types.ts";
import type { MetricValue } from "./deployments-per-week.ts";
import { joinsFor, type MetricJoins } from "./joins.ts";
import { hourMs } from "../time.ts";
import { medianOfSorted, sortAscending } from "./stats.ts";

/**
 * Median hours from incident opened (in (from, to]) to its first resolution at or after that
 * opening and at or before `to` (a reopened incident counts again, from the reopening). Incidents
 * still open at `to` are left out: their recovery time is not known yet.
 */
export function timeToRecoveryHours(
  facts: SystemFacts,
  from: number,
  to: number,
  joins?: MetricJoins,
): MetricValue<number | null> {
  const { incidentsOpened: opened, incidentsResolved: resolved } = facts;
  const resolutions = joinsFor(facts, to, joins).resolutionsByIncident();
  const hours: number[] = [];
  const evidence: string[] = [];
  const [start, end] = rowsBetween(opened, from, to);
  for (let i = start; i < end; i++) {
    const openedAt = opened.t[i] as number;
    const r = resolutions
      .get(opened.incidentId[i] as string)
      ?.find((row) => (resolved.t[row] as number) >= openedAt);
    if (r === undefined) continue;
    hours.push(((resolved.t[r] as number) - openedAt) / hourMs);
    evidence.push(opened.id[i] as string, resolved.id[r] as string);
  }
  return { value: medianOfSorted(sortAscending(hours)), evidence };
}
