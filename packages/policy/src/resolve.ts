// A checked policy applied to the built-in rubric: the rubric scoring uses under the policy.
import { defaultWaiverRules, type Policy, type Rubric } from "@maturity/model/rubric";

export interface DisabledCriterion {
  criterion: string;
  reason: string;
}

/** `builtin@<built-in version>+<policy name>@<policy version>`: what reports name as their rubric. */
export function policyRubricVersion(policy: Policy, builtin: Rubric): string {
  return `builtin@${builtin.version}+${policy.name}@${policy.version}`;
}

/** Assumes `policyIssues(policy, builtin)` found nothing. */
export function resolvePolicy(
  policy: Policy,
  builtin: Rubric,
): { rubric: Rubric; disabled: DisabledCriterion[] } {
  const overrides = new Map(policy.overrides.map((o) => [o.criterion, o]));
  const disabled: DisabledCriterion[] = [];
  const criteria = [];
  for (const builtinCriterion of builtin.criteria) {
    const override = overrides.get(builtinCriterion.id);
    // A copy: the resolved rubric must never share objects the built-in one could see changed.
    const criterion = structuredClone(builtinCriterion);
    if (override?.disabled !== undefined) {
      disabled.push({ criterion: criterion.id, reason: override.disabled.reason });
      continue;
    }
    if (override?.threshold !== undefined) criterion.threshold = override.threshold;
    if (override?.windowDays !== undefined) criterion.windowDays = override.windowDays;
    if (override?.appliesTo !== undefined) criterion.appliesTo = [...override.appliesTo];
    if (override?.riskTiers !== undefined) criterion.riskTiers = [...override.riskTiers];
    if (override?.teams !== undefined) criterion.teams = [...override.teams];
    criteria.push(criterion);
  }
  criteria.push(...structuredClone(policy.criteria));
  const waivers = structuredClone(policy.waivers ?? builtin.waivers ?? defaultWaiverRules);
  return { rubric: { version: policyRubricVersion(policy, builtin), waivers, criteria }, disabled };
}
