// A criterion's definition as the portal explains it: from the rubric in force, else the built-in
// rubric (a report may still name a criterion the policy in force has dropped, while re-scoring).
import type { CriterionDefinition, Rubric } from "@maturity/model/rubric";
import { rubric as builtinRubric } from "@maturity/model/rubric";

export function criterionDefinition(
  rubric: Rubric,
  criterionId: string,
): { definition: CriterionDefinition; fromRubricInForce: boolean } | undefined {
  const own = rubric.criteria.find((criterion) => criterion.id === criterionId);
  if (own !== undefined) return { definition: own, fromRubricInForce: true };
  const builtin = builtinRubric.criteria.find((criterion) => criterion.id === criterionId);
  return builtin === undefined ? undefined : { definition: builtin, fromRubricInForce: false };
}

/** Up to three criterion ids of the rubric that look like `given` (shared words, same axis). */
export function similarCriterionIds(rubric: Rubric, given: string): string[] {
  const words = new Set(
    given
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length >= 2),
  );
  return rubric.criteria
    .map((criterion) => ({
      id: criterion.id,
      shared: criterion.id
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((word) => words.has(word)).length,
    }))
    .filter((candidate) => candidate.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map((candidate) => candidate.id);
}
