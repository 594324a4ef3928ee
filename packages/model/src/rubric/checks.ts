// What a rubric's schema cannot say: rules that relate one part of the rubric to another or to the
// populations scoring provides. The built-in rubric's test and every policy or rubric file read by
// packages/policy go through these checks, so a file cannot name what scoring would never see.
import { populations } from "./populations.ts";
import type { CriterionDefinition, LeafRule, Rubric } from "./schema.ts";

/** One problem, at the path (as zod gives paths) of the part of the rubric it is about. */
export interface RubricIssue {
  path: (string | number)[];
  message: string;
}

export function rubricIssues(rubric: Rubric): RubricIssue[] {
  const issues: RubricIssue[] = [];
  const firstIndex = new Map<string, number>();
  rubric.criteria.forEach((criterion, index) => {
    const at = ["criteria", index];
    const earlier = firstIndex.get(criterion.id);
    if (earlier === undefined) firstIndex.set(criterion.id, index);
    else
      issues.push({
        path: [...at, "id"],
        message: `duplicate id ${criterion.id}: criteria[${earlier}] has it already`,
      });
    const prefix = `${criterion.axis}.l${criterion.level}.`;
    if (!criterion.id.startsWith(prefix))
      issues.push({
        path: [...at, "id"],
        message: `${criterion.id} does not match its axis and level: a ${criterion.axis} level-${criterion.level} criterion's id starts with ${prefix}`,
      });
    issues.push(...fieldIssues(criterion, at));
    issues.push(...thresholdIssues(criterion, at));
  });
  (rubric.waivers?.forbidden ?? []).forEach((id, index) => {
    if (!firstIndex.has(id))
      issues.push({
        path: ["waivers", "forbidden", index],
        message: `no criterion ${id} in this rubric: waivers can only be forbidden for its criteria`,
      });
  });
  return issues;
}

// Each leaf rule with the path it sits at: the degree itself, or a part of an `all` rule.
function leavesWithPaths(criterion: CriterionDefinition, at: (string | number)[]) {
  const degree = criterion.degree;
  if (degree.rule === "all")
    return degree.rules.map((rule, i) => ({ rule, path: [...at, "degree", "rules", i] }));
  return [{ rule: degree, path: [...at, "degree"] }];
}

// The fields a rule names, each with the path it is written at (a where/that key, or `field`).
function namedFields(rule: LeafRule, at: (string | number)[]) {
  const keys = (part: "where" | "that", where: Record<string, unknown> | undefined) =>
    Object.keys(where ?? {}).map((field) => ({ field, path: [...at, part, field] }));
  switch (rule.rule) {
    case "share":
      return [...keys("where", rule.where), ...keys("that", rule.that)];
    case "present":
      return keys("that", rule.that);
    case "cadence":
      return keys("where", rule.where);
    case "covers":
      return [{ field: rule.field, path: [...at, "field"] }, ...keys("where", rule.where)];
    case "metric":
      return [];
  }
}

function fieldIssues(criterion: CriterionDefinition, at: (string | number)[]): RubricIssue[] {
  const issues: RubricIssue[] = [];
  for (const leaf of leavesWithPaths(criterion, at)) {
    if (leaf.rule.rule === "metric") continue;
    const population = leaf.rule.of;
    const known: readonly string[] = populations[population];
    for (const { field, path } of namedFields(leaf.rule, leaf.path))
      if (!known.includes(field))
        issues.push({
          path,
          message: `${population} has no field ${field}; its fields are ${known.join(", ")}`,
        });
  }
  return issues;
}

// A metric rule's degree is below 1 whenever the bound does not hold, so any lower threshold
// would count "close to the bound" as met.
function thresholdIssues(criterion: CriterionDefinition, at: (string | number)[]): RubricIssue[] {
  const hasMetric = leavesWithPaths(criterion, at).some((leaf) => leaf.rule.rule === "metric");
  if (!hasMetric || criterion.threshold === 1) return [];
  return [
    {
      path: [...at, "threshold"],
      message: `a criterion with a metric rule is met only when the bound holds, so its threshold must be 1 (got ${criterion.threshold})`,
    },
  ];
}
