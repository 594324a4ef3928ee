// The rubric's criteria that apply to a system, grouped by axis in rubric order. Built once per
// rubric and kind of system (and risk tier and team, when the rubric's criteria tell them apart)
// instead of filtering the whole rubric for every system scored.
import { axes, type Axis, type RiskTier, type SystemKind } from "@maturity/model";
import type { CriterionDefinition, Rubric } from "@maturity/model/rubric";

export type CriteriaByAxis = Readonly<Record<Axis, readonly CriterionDefinition[]>>;

export interface CriteriaPlan {
  byAxis: CriteriaByAxis;
  /** The longest evidence window of its own a criterion names, in days; 0 when none names one. */
  longestWindowDays: number;
}

/** What decides whether a criterion applies to a system. */
export interface Applicability {
  kind: SystemKind;
  riskTier: RiskTier;
  team: string;
}

/** Its kind is listed, and so are its risk tier and team when the criterion names any. */
export function applies(criterion: CriterionDefinition, system: Applicability): boolean {
  return (
    criterion.appliesTo.includes(system.kind) &&
    (criterion.riskTiers === undefined || criterion.riskTiers.includes(system.riskTier)) &&
    (criterion.teams === undefined || criterion.teams.includes(system.team))
  );
}

interface RubricPlans {
  /** Whether any criterion names risk tiers: only then is the tier part of the key. */
  byTier: boolean;
  /** The teams some criterion names: every other team gets the same criteria. */
  teams: ReadonlySet<string>;
  plans: Map<string, CriteriaPlan>;
}

const rubricPlans = new WeakMap<Rubric, RubricPlans>();

function plansOf(rubric: Rubric): RubricPlans {
  let known = rubricPlans.get(rubric);
  if (known === undefined) {
    known = {
      byTier: rubric.criteria.some((c) => c.riskTiers !== undefined),
      teams: new Set(rubric.criteria.flatMap((c) => c.teams ?? [])),
      plans: new Map(),
    };
    rubricPlans.set(rubric, known);
  }
  return known;
}

// The kind alone for a rubric without tier or team filters (the built-in one): no key built per
// system. Named teams are non-empty, so "" stands for every team the rubric does not name.
function keyOf(known: RubricPlans, system: Applicability): string {
  if (!known.byTier && known.teams.size === 0) return system.kind;
  const tier = known.byTier ? system.riskTier : "";
  const team = known.teams.has(system.team) ? system.team : "";
  return `${system.kind}\u0000${tier}\u0000${team}`;
}

export function criteriaFor(rubric: Rubric, system: Applicability): CriteriaPlan {
  const known = plansOf(rubric);
  const key = keyOf(known, system);
  let plan = known.plans.get(key);
  if (plan === undefined) {
    const byAxis = {} as Record<Axis, CriterionDefinition[]>;
    for (const axis of axes) byAxis[axis] = [];
    let longestWindowDays = 0;
    for (const criterion of rubric.criteria) {
      if (!applies(criterion, system)) continue;
      byAxis[criterion.axis].push(criterion);
      longestWindowDays = Math.max(longestWindowDays, criterion.windowDays ?? 0);
    }
    plan = { byAxis, longestWindowDays };
    known.plans.set(key, plan);
  }
  return plan;
}
