// The built-in rubric with changes, as an organisation's policy would make them (validated).
import {
  rubric,
  rubricSchema,
  type CriterionInput,
  type Rubric,
  type WaiverRules,
} from "@maturity/model/rubric";

export function rubricWith(
  changes: Record<string, Partial<CriterionInput>>,
  waivers?: Partial<WaiverRules>,
): Rubric {
  const unknown = Object.keys(changes).filter((id) => !rubric.criteria.some((c) => c.id === id));
  if (unknown.length > 0) throw new Error(`no criteria ${unknown.join(", ")} in the rubric`);
  return rubricSchema.parse({
    version: "test",
    ...(waivers && { waivers }),
    criteria: rubric.criteria.map((c) => ({ ...c, ...changes[c.id] })),
  });
}
