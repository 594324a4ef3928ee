// What a policy may not do beyond its schema: change criteria the built-in rubric lacks, change one
// twice, reuse a built-in id for a new criterion, extend another built-in version than this
// product's, or leave its new criteria inconsistent (the rubric's own checks).
import { leafRules, rubricIssues, type Policy, type Rubric } from "@maturity/model/rubric";
import { atFieldKey, type DocumentIssue } from "./errors.ts";

const changes = ["threshold", "windowDays", "appliesTo", "riskTiers", "teams"] as const;

export function policyIssues(policy: Policy, builtin: Rubric): DocumentIssue[] {
  const builtinIds = new Map(builtin.criteria.map((c) => [c.id, c]));
  const newIds = new Map(policy.criteria.map((c, i) => [c.id, i]));
  const issues: DocumentIssue[] = [];

  const expected = `builtin@${builtin.version}`;
  if (policy.extends !== expected)
    issues.push({
      path: ["extends"],
      message: `this product's built-in rubric is ${expected}, not ${policy.extends.slice("builtin@".length)}; see what changed (maturity rubric export), then update the policy and its extends`,
    });

  const overridden = new Map<string, number>();
  const disabled = new Set<string>();
  policy.overrides.forEach((override, i) => {
    const at = ["overrides", i];
    const criterion = builtinIds.get(override.criterion);
    const earlier = overridden.get(override.criterion);
    if (earlier !== undefined)
      issues.push({
        path: [...at, "criterion"],
        message: `overrides[${earlier}] already changes ${override.criterion}; give each criterion one override`,
      });
    else overridden.set(override.criterion, i);
    if (criterion === undefined) {
      const own = newIds.get(override.criterion);
      issues.push({
        path: [...at, "criterion"],
        message:
          own === undefined
            ? `no built-in criterion ${override.criterion} (see docs/rubric.md); new criteria go under criteria`
            : `${override.criterion} is this policy's own criterion: change it in criteria[${own}] instead`,
      });
    }
    const given = changes.filter((field) => override[field] !== undefined);
    if (override.disabled !== undefined) {
      disabled.add(override.criterion);
      if (given.length > 0)
        issues.push({
          path: [...at, "disabled"],
          message: `a disabled criterion takes no other changes (remove ${given.join(", ")})`,
        });
    } else if (given.length === 0)
      issues.push({
        path: at,
        message: `changes nothing: give at least one of ${changes.join(", ")} or disabled`,
      });
    if (
      criterion !== undefined &&
      override.threshold !== undefined &&
      override.threshold !== 1 &&
      leafRules(criterion).some((rule) => rule.rule === "metric")
    )
      issues.push({
        path: [...at, "threshold"],
        message: `${override.criterion} holds a metric to a bound and is met only when the bound holds, so its threshold stays 1`,
      });
  });

  // The new criteria are checked as a rubric of their own: their paths are the policy's paths.
  issues.push(...rubricIssues({ version: "new-criteria", criteria: policy.criteria }).map(atFieldKey));
  policy.criteria.forEach((criterion, i) => {
    if (builtinIds.has(criterion.id))
      issues.push({
        path: ["criteria", i, "id"],
        message: `${criterion.id} is a built-in criterion: change it under overrides, or give the new criterion an id of its own`,
      });
  });

  (policy.waivers?.forbidden ?? []).forEach((id, i) => {
    const path = ["waivers", "forbidden", i];
    if (!builtinIds.has(id) && !newIds.has(id))
      issues.push({ path, message: `no criterion ${id} in the built-in rubric or this policy` });
    else if (disabled.has(id))
      issues.push({ path, message: `${id} is disabled by this policy, so there is nothing to waive` });
  });
  return issues;
}
