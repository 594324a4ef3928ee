// Criterion explanations come from the rubric itself (pure data shared with the scoring engine).
import { rubric, type CriterionDefinition } from "@maturity/model/rubric";

const byId = new Map(rubric.criteria.map((criterion) => [criterion.id, criterion]));

export function criterionDefinition(id: string): CriterionDefinition | undefined {
  return byId.get(id);
}

export const rubricVersion = rubric.version;
