import { rowsBetween } from "../facts/columns.ts";
import type { SystemFacts } from "../facts/types.ts";
import type { MetricValue } from "./deployments-per-week.ts";
import { joinsFor, type MetricJoins } from "./joins.ts";
import { hourMs } from "../time.ts";
import { medianOfSorted, sortAscending } from "./stats.ts";

/**
 * Median hours from incident opened (in (from, to]) to its first resolution at or before `to`.
 * Incidents still open at `to` are left out: their recovery time is not known yet.
 */
export function timeToRecoveryHours(
  facts: SystemFacts,
  from: number,
  to: number,
  joins?: MetricJoins,
): MetricValue<number | null> {
  const { incidentsOpened: opened, incidentsResolved: resolved } = facts;
  const resolvedRow = joinsFor(facts, to, joins).firstResolutions();
  const hours: number[] = [];
  const evidence: string[] = [];
  const [start, end] = rowsBetween(opened, from, to);
  for (let i = start; i < end; i++) {
    const r = resolvedRow.get(opened.incidentId[i] as string);
    if (r === undefined || (resolved.t[r] as number) < (opened.t[i] as number)) continue;
    hours.push(((resolved.t[r] as number) - (opened.t[i] as number)) / hourMs);
    evidence.push(opened.id[i] as string, resolved.id[r] as string);
  }
  return { value: medianOfSorted(sortAscending(hours)), evidence };
}
