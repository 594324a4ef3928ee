import type { SystemFacts } from "../facts/types.ts";
import type { MetricValue } from "./deployments-per-week.ts";
import { joinsFor, type MetricJoins, type Naming } from "./joins.ts";
import { productionDeploys } from "./production-deploys.ts";
import { weekMs } from "../time.ts";

/** A rollback or incident naming a deploy counts against it only within this long after it. */
export const changeFailureHorizonMs = weekMs;

/**
 * Share of succeeded production deploys in (from, to] that a rollback or an incident names (by
 * deploymentId) within 7 days after the deploy and no later than `to`. Null without deploys.
 */
export function changeFailureRate(
  facts: SystemFacts,
  from: number,
  to: number,
  rows: readonly number[] = productionDeploys(facts, from, to),
  joins?: MetricJoins,
): MetricValue<number | null> {
  if (rows.length === 0) return { value: null, evidence: [] };
  // deploymentId → times it was named by a rollback or an incident (rollbacks first)
  const namedAt = joinsFor(facts, to, joins).namingsByDeployment();
  const { deploys } = facts;
  // The failures first, so the evidence list is made at its exact size (deploys, then failures).
  const failures = new Array<string | undefined>(rows.length);
  let failed = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    const failure = failureOf(namedAt.get(deploys.deploymentId[i] as string), deploys.t[i] as number);
    failures[k] = failure;
    if (failure !== undefined) failed += 1;
  }
  const evidence = new Array<string>(rows.length + failed);
  for (let k = 0, e = 0; k < rows.length; k++) {
    evidence[e++] = deploys.id[rows[k] as number] as string;
    const failure = failures[k];
    if (failure !== undefined) evidence[e++] = failure;
  }
  return { value: failed / rows.length, evidence };
}

/** The id of the first naming within the horizon after a deploy at t, if any. */
function failureOf(namings: readonly Naming[] | undefined, t: number): string | undefined {
  if (namings === undefined) return undefined;
  for (const n of namings) if (n.t >= t && n.t <= t + changeFailureHorizonMs) return n.id;
  return undefined;
}
