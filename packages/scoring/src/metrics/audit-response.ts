import { rowsBetween } from "../facts/columns.ts";
import type { SystemFacts } from "../facts/types.ts";
import type { MetricValue } from "./deployments-per-week.ts";
import { joinsFor, type MetricJoins } from "./joins.ts";
import { hourMs } from "../time.ts";
import { medianOfSorted, sortAscending } from "./stats.ts";

/** Median hours from an audit requested in (from, to] to its delivery at or before `to`. */
export function auditResponseHours(
  facts: SystemFacts,
  from: number,
  to: number,
  joins?: MetricJoins,
): MetricValue<number | null> {
  const { auditsRequested: requested, auditsDelivered: delivered } = facts;
  const [start, end] = rowsBetween(requested, from, to);
  // Most systems are never audited: no deliveries to look up then.
  if (start === end) return { value: null, evidence: [] };
  const deliveredRow = joinsFor(facts, to, joins).firstDeliveries();
  const hours: number[] = [];
  const evidence: string[] = [];
  for (let i = start; i < end; i++) {
    const d = deliveredRow.get(requested.auditId[i] as string);
    if (d === undefined || (delivered.t[d] as number) < (requested.t[i] as number)) continue;
    hours.push(((delivered.t[d] as number) - (requested.t[i] as number)) / hourMs);
    evidence.push(requested.id[i] as string, delivered.id[d] as string);
  }
  return { value: medianOfSorted(sortAscending(hours)), evidence };
}
