import { bucketRange } from "../facts/bucket-range.ts";
import type { SystemFacts } from "../facts/types.ts";
import type { MetricValue } from "./deployments-per-week.ts";

export interface CostByFeature {
  costUsdByFeature: Record<string, number>;
  /** Share of spend with no feature; null when no spend was reported. */
  unattributedCostShare: number | null;
}

type CostBucket = { day: number; feature: string | null; costMicros: number; lastId: string };

interface CostTally {
  micros: Map<string | null, number>;
  evidence: string[];
  total: number;
}

function addCosts(tally: CostTally, buckets: readonly CostBucket[], from: number, to: number): void {
  const [start, end] = bucketRange(buckets, from, to);
  for (let i = start; i < end; i++) {
    const b = buckets[i] as CostBucket;
    if (b.costMicros === 0) continue;
    tally.micros.set(b.feature, (tally.micros.get(b.feature) ?? 0) + b.costMicros);
    tally.total += b.costMicros;
    tally.evidence.push(b.lastId);
  }
}

/**
 * Sum of costUsd by feature over LLM calls in (from, to]. Agent runs are used only when the system
 * reports no costed LLM calls, because a run's cost usually is the sum of its calls.
 */
export function costByFeature(facts: SystemFacts, from: number, to: number): MetricValue<CostByFeature> {
  const tally: CostTally = { micros: new Map(), evidence: [], total: 0 };
  addCosts(tally, facts.llmCalls, from, to);
  if (tally.total === 0) addCosts(tally, facts.agentRuns, from, to);
  const { micros, total, evidence } = tally;
  const costUsdByFeature: Record<string, number> = {};
  const features = [...micros.keys()].filter((f): f is string => f !== null).sort();
  for (const feature of features) costUsdByFeature[feature] = (micros.get(feature) ?? 0) / 1_000_000;
  const unattributed = micros.get(null) ?? 0;
  return {
    value: { costUsdByFeature, unattributedCostShare: total === 0 ? null : unattributed / total },
    evidence,
  };
}
