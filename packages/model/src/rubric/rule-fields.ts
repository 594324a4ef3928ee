// What a criterion's rule reads: its leaf rules and the record fields their conditions name. The
// rubric's own checks, the generated rubric docs and scoring's view check all read rules this way.
import type { CriterionDefinition, DegreeRule, LeafRule } from "./schema.ts";

/** The leaf rules of a degree rule (an `all` rule's parts, or the rule itself). */
export function leafRules(rule: DegreeRule | CriterionDefinition): LeafRule[] {
  const degree = "degree" in rule ? rule.degree : rule;
  return degree.rule === "all" ? degree.rules : [degree];
}

/** The record fields a rule's conditions name. */
export function fieldsNamed(rule: LeafRule): string[] {
  switch (rule.rule) {
    case "share":
      return [...Object.keys(rule.where ?? {}), ...Object.keys(rule.that)];
    case "present":
      return Object.keys(rule.that ?? {});
    case "cadence":
      return Object.keys(rule.where ?? {});
    case "covers":
      return [rule.field, ...Object.keys(rule.where ?? {})];
    case "metric":
      return [];
  }
}
