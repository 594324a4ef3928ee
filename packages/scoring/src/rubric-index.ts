import type { CriterionDefinition, Rubric } from "@maturity/model/rubric";

// Criteria by id, built once per rubric object (rubrics are immutable data).
const indexes = new WeakMap<Rubric, Map<string, CriterionDefinition>>();

export function criterionById(rubric: Rubric, id: string): CriterionDefinition | undefined {
  let index = indexes.get(rubric);
  if (index === undefined) {
    index = new Map(rubric.criteria.map((c) => [c.id, c]));
    indexes.set(rubric, index);
  }
  return index.get(id);
}
