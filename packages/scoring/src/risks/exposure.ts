// The exposure and likelihood factors of rank = severity × exposure × likelihood
// (docs/score-report.md#risks).
import type { RiskTier, SystemKind } from "@maturity/model";

// LLM and agent workloads carry the most reputational and regulatory exposure (the article's
// 2026 reality check); the risk tier is the organisation's own reading of the stakes.
const kindWeight: Record<SystemKind, number> = { classical: 1, llm: 1.5, agent: 2 };
const tierWeight: Record<RiskTier, number> = { minimal: 1, limited: 1.5, high: 2 };

export function exposure(kind: SystemKind, tier: RiskTier): number {
  return kindWeight[kind] * tierWeight[tier];
}

/** More change means more chances for a weakness to bite: 1 (no deploys) … 3 (two a day or more). */
export function likelihood(deploymentsPerWeek: number | null): number {
  return 1 + Math.min(deploymentsPerWeek ?? 0, 14) / 7;
}

export function rankOf(severity: number, exposureFactor: number, likelihoodFactor: number): number {
  return Math.round(severity * exposureFactor * likelihoodFactor * 100) / 100;
}
