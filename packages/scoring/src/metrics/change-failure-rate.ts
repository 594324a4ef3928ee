import type { SystemFacts } from "../facts/types.ts";
import type { MetricValue } from "./deployments-per-week.ts";
import { joinsFor, type MetricJoins } from "./joins.ts";
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
  const evidence: string[] = [];
  let failed = 0;
  for (const i of rows) {
    const t = deploys.t[i] as number;
    evidence.push(deploys.id[i] as string);
    const failure = namedAt
      .get(deploys.deploymentId[i] as string)
      ?.find((n) => n.t >= t && n.t <= t + changeFailureHorizonMs);
    if (failure !== undefined) {
      failed += 1;
      evidence.push(failure.id);
    }
  }
  return { value: failed / rows.length, evidence };
}
