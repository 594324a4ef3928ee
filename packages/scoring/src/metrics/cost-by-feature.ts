import { dayMs } from "../time.ts";
import type { SystemFacts } from "../facts/types.ts";
import type { MetricValue } from "./deployments-per-week.ts";

export interface CostByFeature {
  costUsdByFeature: Record<string, number>;
  /** Share of spend with no feature; null when no spend was reported. */
  unattributedCostShare: number | null;
}

/** Telemetry buckets are whole UTC days: a day counts when all of it lies in (from, to]. */
export function bucketInRange(day: number, from: number, to: number): boolean {
  return day > from && day + dayMs - 1 <= to;
}

/**
 * Sum of costUsd by feature over LLM calls in (from, to]. Agent runs are used only when the system
 * reports no costed LLM calls, because a run's cost usually is the sum of its calls.
 */
export function costByFeature(facts: SystemFacts, from: number, to: number): MetricValue<CostByFeature> {
  const micros = new Map<string | null, number>();
  const evidence: string[] = [];
  let total = 0;
  const add = (b: { day: number; feature: string | null; costMicros: number; lastId: string }) => {
    if (b.costMicros === 0 || !bucketInRange(b.day, from, to)) return;
    micros.set(b.feature, (micros.get(b.feature) ?? 0) + b.costMicros);
    total += b.costMicros;
    evidence.push(b.lastId);
  };
  for (const b of facts.llmCalls) add(b);
  if (total === 0) for (const b of facts.agentRuns) add(b);
  const costUsdByFeature: Record<string, number> = {};
  const features = [...micros.keys()].filter((f): f is string => f !== null).sort();
  for (const feature of features) costUsdByFeature[feature] = (micros.get(feature) ?? 0) / 1_000_000;
  const unattributed = micros.get(null) ?? 0;
  return {
    value: { costUsdByFeature, unattributedCostShare: total === 0 ? null : unattributed / total },
    evidence,
  };
}
