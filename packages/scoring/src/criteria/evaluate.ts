import { evidenceIdCap, type CriterionResult } from "@maturity/model";
import type { CriterionDefinition } from "@maturity/model/rubric";
import type { PopulationViews, ViewRecord } from "../views/populations.ts";
import { evaluateDegree } from "./degree.ts";

export interface CriterionInput {
  views: PopulationViews;
  since: number;
  windowDays: number;
}

/** A criterion result before the axis decides whether it is ahead of the foundation. */
export type CriterionOutcome = Omit<CriterionResult, "aheadOfFoundation"> & {
  /** For an activity criterion with nothing in the window: the ids of its older evidence, if any. */
  staleEvidence: string[];
};

export function evaluateCriterion(criterion: CriterionDefinition, input: CriterionInput): CriterionOutcome {
  const scope = criterion.evidence;
  const result = evaluateDegree(criterion.degree, { ...input, scope });
  const evidence = evidenceIds(result.evidence);
  const met = result.hasData && result.degree >= criterion.threshold;
  return {
    id: criterion.id,
    level: criterion.level,
    degree: result.degree,
    met,
    status: !result.hasData ? "no_data" : met ? "met" : "unmet",
    evidence: evidence.slice(0, evidenceIdCap),
    evidenceCount: evidence.length,
    staleEvidence:
      !result.hasData && scope === "activity" ? evidenceBefore(criterion, input).slice(0, evidenceIdCap) : [],
  };
}

// Evaluating the rule over all history tells whether the practice existed before the window.
function evidenceBefore(criterion: CriterionDefinition, input: CriterionInput): string[] {
  return evidenceIds(evaluateDegree(criterion.degree, { ...input, scope: "state" }).evidence);
}

/** Distinct event ids, most recent first. */
function evidenceIds(evidence: ViewRecord[] | string[]): string[] {
  if (evidence.length === 0) return [];
  if (typeof evidence[0] === "string") return [...new Set(evidence as string[])].reverse();
  const records = [...(evidence as ViewRecord[])].sort((a, b) => b.t - a.t);
  return [...new Set(records.map((r) => r.id))];
}
