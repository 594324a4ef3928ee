import { upTo } from "../facts/sorted.ts";
import type { SystemFacts } from "../facts/types.ts";
import type { MetricValue } from "./deployments-per-week.ts";
import { productionDeploys } from "./production-deploys.ts";
import { weekMs } from "../time.ts";

/** A rollback or incident naming a deploy counts against it only within this long after it. */
export const changeFailureHorizonMs = weekMs;

/**
 * Share of succeeded production deploys in (from, to] that a rollback or an incident names (by
 * deploymentId) within 7 days after the deploy and no later than `to`. Null without deploys.
 */
export function changeFailureRate(facts: SystemFacts, from: number, to: number): MetricValue<number | null> {
  const deploys = productionDeploys(facts, from, to);
  if (deploys.length === 0) return { value: null, evidence: [] };
  // deploymentId → times it was named by a rollback or an incident
  const namedAt = new Map<string, { t: number; id: string }[]>();
  const name = (deploymentId: string | null, t: number, id: string) => {
    if (deploymentId === null) return;
    const list = namedAt.get(deploymentId);
    if (list === undefined) namedAt.set(deploymentId, [{ t, id }]);
    else list.push({ t, id });
  };
  for (const r of upTo(facts.rollbacks, to)) name(r.deploymentId, r.t, r.id);
  for (const i of upTo(facts.incidentsOpened, to)) name(i.deploymentId, i.t, i.id);
  const evidence: string[] = [];
  let failed = 0;
  for (const d of deploys) {
    evidence.push(d.id);
    const failure = namedAt
      .get(d.deploymentId)
      ?.find((n) => n.t >= d.t && n.t <= d.t + changeFailureHorizonMs);
    if (failure !== undefined) {
      failed += 1;
      evidence.push(failure.id);
    }
  }
  return { value: failed / deploys.length, evidence };
}
