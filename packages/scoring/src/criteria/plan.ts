// The rubric's criteria for one kind of system, grouped by axis in rubric order. Built once per
// (rubric, kind) instead of filtering the whole rubric for every system scored.
import { axes, type Axis, type SystemKind } from "@maturity/model";
import type { CriterionDefinition, Rubric } from "@maturity/model/rubric";

export type CriteriaByAxis = Readonly<Record<Axis, readonly CriterionDefinition[]>>;

const plans = new WeakMap<Rubric, Map<SystemKind, CriteriaByAxis>>();

export function criteriaByAxis(rubric: Rubric, kind: SystemKind): CriteriaByAxis {
  let byKind = plans.get(rubric);
  if (byKind === undefined) {
    byKind = new Map();
    plans.set(rubric, byKind);
  }
  let plan = byKind.get(kind);
  if (plan === undefined) {
    const built = {} as Record<Axis, CriterionDefinition[]>;
    for (const axis of axes) built[axis] = [];
    for (const criterion of rubric.criteria)
      if (criterion.appliesTo.includes(kind)) built[criterion.axis].push(criterion);
    plan = built;
    byKind.set(kind, plan);
  }
  return plan;
}
