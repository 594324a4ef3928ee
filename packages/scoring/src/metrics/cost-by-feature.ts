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
  /** Per feature (null: none); left out when only the unattributed share is wanted. */
  micros: Map<string | null, number> | null;
  unattributed: number;
  evidence: string[];
  total: number;
}

function addCosts(tally: CostTally, buckets: readonly CostBucket[], from: number, to: number): void {
  const [start, end] = bucketRange(buckets, from, to);
  for (let i = start; i < end; i++) {
    const b = buckets[i] as CostBucket;
    if (b.costMicros === 0) continue;
    tally.micros?.set(b.feature, (tally.micros.get(b.feature) ?? 0) + b.costMicros);
    if (b.feature === null) tally.unattributed += b.costMicros;
    tally.total += b.costMicros;
    tally.evidence.push(b.lastId);
  }
}

// LLM calls; agent runs only when the system reports no costed LLM calls, because a run's cost
// usually is the sum of its calls.
function tallyCosts(facts: SystemFacts, from: number, to: number, byFeature: boolean): CostTally {
  const tally: CostTally = { micros: byFeature ? new Map() : null, unattributed: 0, evidence: [], total: 0 };
  addCosts(tally, facts.llmCalls, from, to);
  if (tally.total === 0) addCosts(tally, facts.agentRuns, from, to);
  return tally;
}

/**
 * Sum of costUsd by feature over LLM calls in (from, to]. Agent runs are used only when the system
 * reports no costed LLM calls, because a run's cost usually is the sum of its calls.
 */
export function costByFeature(facts: SystemFacts, from: number, to: number): MetricValue<CostByFeature> {
  const { micros, total, unattributed, evidence } = tallyCosts(facts, from, to, true);
  const costUsdByFeature: Record<string, number> = {};
  const features = [...(micros?.keys() ?? [])].filter((f): f is string => f !== null).sort();
  for (const feature of features) costUsdByFeature[feature] = (micros?.get(feature) ?? 0) / 1_000_000;
  return {
    value: { costUsdByFeature, unattributedCostShare: total === 0 ? null : unattributed / total },
    evidence,
  };
}

/** The unattributed share of `costByFeature` alone, with the same evidence (no per-feature sums). */
export function unattributedCostShare(
  facts: SystemFacts,
  from: number,
  to: number,
): MetricValue<number | null> {
  const { total, unattributed, evidence } = tallyCosts(facts, from, to, false);
  return { value: total === 0 ? null : unattributed / total, evidence };
}
