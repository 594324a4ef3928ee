// The words the portal uses for the model's enums, in one place.
import type { Axis, RiskKind, RiskTier, SystemKind } from "@maturity/model";

export const axisList: readonly Axis[] = [
  "reproducibility",
  "evaluation",
  "deployment",
  "observability",
  "governance",
];

export const axisLabels: Record<Axis, string> = {
  reproducibility: "Reproducibility",
  evaluation: "Evaluation",
  deployment: "Deployment",
  observability: "Observability",
  governance: "Governance",
};

/** For narrow screens, where five full axis names do not fit beside the system names. */
export const axisShortLabels: Record<Axis, string> = {
  reproducibility: "Repr.",
  evaluation: "Eval.",
  deployment: "Depl.",
  observability: "Obs.",
  governance: "Gov.",
};

export const systemKinds: readonly SystemKind[] = ["classical", "llm", "agent"];
export const systemKindLabels: Record<SystemKind, string> = {
  classical: "Classical ML",
  llm: "LLM",
  agent: "Agent",
};

export const riskTiers: readonly RiskTier[] = ["minimal", "limited", "high"];
export const riskTierLabels: Record<RiskTier, string> = {
  minimal: "Minimal",
  limited: "Limited",
  high: "High",
};

export const riskKinds: readonly RiskKind[] = [
  "axis_mismatch",
  "track_gap",
  "ahead_of_foundation",
  "stale_evidence",
  "metric_breach",
];
export const riskKindLabels: Record<RiskKind, string> = {
  axis_mismatch: "Axis mismatch",
  track_gap: "Classical vs LLM gap",
  ahead_of_foundation: "Ahead of its foundation",
  stale_evidence: "Stale evidence",
  metric_breach: "Metric out of band",
};

/** The value when it is one of the list, else undefined (a hand-edited URL may hold anything). */
export function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (list as readonly string[]).includes(value) ? (value as T) : undefined;
}
