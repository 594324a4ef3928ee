import type { CriterionResult, Waiver } from "@maturity/model";
import type { CriterionDefinition } from "@maturity/model/rubric";
import { evaluateDegree, type DegreeInput } from "./degree.ts";

export type CriterionInput = DegreeInput;

/** A criterion result (the axis decides `aheadOfFoundation` later) and any aged-out evidence. */
export interface CriterionOutcome {
  result: CriterionResult;
  /** For an activity criterion with nothing in the window: the ids of its older evidence, if any. */
  staleEvidence: string[];
}

// Never stored in a report (only non-empty stale evidence is): one shared empty list will do.
const noStaleEvidence: string[] = [];

// Without data a criterion has only one possible result (degree 0, unmet, no evidence, never ahead
// of foundation): made once per rubric criterion and shared, read-only, by every system's report.
const noDataResults = new WeakMap<CriterionDefinition, CriterionResult>();

function noDataResult(criterion: CriterionDefinition): CriterionResult {
  let result = noDataResults.get(criterion);
  if (result === undefined) {
    result = {
      id: criterion.id,
      level: criterion.level,
      degree: 0,
      met: false,
      status: "no_data",
      evidence: [],
      evidenceCount: 0,
      aheadOfFoundation: false,
    };
    noDataResults.set(criterion, result);
  }
  return result;
}

/**
 * Judges the criterion on its evidence. `waiver`: one in force for it, which stands in for the
 * practice when the evidence does not meet the criterion.
 */
export function evaluateCriterion(
  criterion: CriterionDefinition,
  input: CriterionInput,
  waiver?: Waiver,
): CriterionOutcome {
  const scope = criterion.evidence;
  const result = evaluateDegree(criterion.degree, input, scope);
  if (!result.hasData) {
    if (waiver !== undefined) return waived(criterion, waiver);
    return {
      result: noDataResult(criterion),
      staleEvidence: scope === "activity" ? evidenceBefore(criterion, input) : noStaleEvidence,
    };
  }
  const evidence = result.evidence;
  const met = result.degree >= criterion.threshold;
  if (!met && waiver !== undefined) return waived(criterion, waiver);
  return {
    result: {
      id: criterion.id,
      level: criterion.level,
      degree: result.degree,
      met,
      status: met ? "met" : "unmet",
      evidence: evidence.ids,
      evidenceCount: evidence.count,
      aheadOfFoundation: false,
    },
    staleEvidence: noStaleEvidence,
  };
}

// A waived criterion counts exactly as a fully met one (degree 1, so it never pulls an axis's
// score down), cites the grant as its evidence, and has no stale evidence to warn of.
function waived(criterion: CriterionDefinition, waiver: Waiver): CriterionOutcome {
  return {
    result: {
      id: criterion.id,
      level: criterion.level,
      degree: 1,
      met: true,
      status: "waived",
      evidence: [waiver.eventId],
      evidenceCount: 1,
      aheadOfFoundation: false,
    },
    staleEvidence: noStaleEvidence,
  };
}

// Evaluating the rule over all history tells whether the practice existed before the window.
function evidenceBefore(criterion: CriterionDefinition, input: CriterionInput): string[] {
  return evaluateDegree(criterion.degree, input, "state").evidence.ids;
}
