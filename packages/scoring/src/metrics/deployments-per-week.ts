import type { SystemFacts } from "../facts/types.ts";
import { productionDeploys } from "./production-deploys.ts";
import { weekMs } from "../time.ts";

export interface MetricValue<V> {
  value: V;
  /** Ids of the events the value was computed from. */
  evidence: string[];
}

/**
 * `rows`: the succeeded production deploys in (from, to] when the caller has them already.
 * Succeeded production deploys ÷ weeks in (from, to]. Null when the system has never reported a
 * deploy up to `to`: no deploy telemetry is unknown, not zero.
 */
export function deploymentsPerWeek(
  facts: SystemFacts,
  from: number,
  to: number,
  rows?: readonly number[],
): MetricValue<number | null> {
  const first = facts.deploys.t[0];
  if (first === undefined || first > to || from === -Infinity) return { value: null, evidence: [] };
  rows ??= productionDeploys(facts, from, to);
  return {
    value: rows.length / ((to - from) / weekMs),
    evidence: rows.map((i) => facts.deploys.id[i] as string),
  };
}
