// What changes between two active policies, criterion by criterion: what `maturity rubric check`
// and the portal's policy page show before a policy is activated.
import { axes, type Axis } from "@maturity/model";
import { defaultWaiverRules, type CriterionDefinition, type Rubric } from "@maturity/model/rubric";
import type { ActivePolicy } from "./active-policy.ts";
import { canonicalJson } from "./content-hash.ts";

/** The fields of a criterion a diff compares, in the order it lists them. */
export const comparedFields = [
  "title",
  "appliesTo",
  "riskTiers",
  "teams",
  "windowDays",
  "threshold",
  "degree",
  "evidence",
  "regulations",
  "explanation",
] as const satisfies readonly (keyof CriterionDefinition)[];
export type ComparedField = (typeof comparedFields)[number];

export interface FieldChange {
  field: ComparedField;
  /** Undefined when the field is absent (e.g. no riskTiers: every tier). */
  before: unknown;
  after: unknown;
}

interface Named {
  criterion: string;
  axis: Axis;
  level: number;
  title: string;
}

export type CriterionChange =
  /** New in `to` (a policy's own criterion, or one of a newer built-in rubric). */
  | (Named & { change: "added" })
  /** In `from`, gone from `to` without being disabled. */
  | (Named & { change: "removed" })
  /** Turned off by `to`, with its reason. */
  | (Named & { change: "disabled"; reason: string })
  /** Turned off by `from`, back in `to`. */
  | (Named & { change: "enabled"; reason: string })
  | (Named & { change: "changed"; fields: FieldChange[] });

export interface WaiverRuleChanges {
  maxDays?: { before: number; after: number };
  /** Criteria that may no longer be waived. */
  forbiddenAdded: string[];
  /** Criteria that may be waived again. */
  forbiddenRemoved: string[];
}

export interface PolicyDiff {
  from: string;
  to: string;
  criteria: CriterionChange[];
  waivers: WaiverRuleChanges;
}

export function diffPolicy(from: ActivePolicy, to: ActivePolicy): PolicyDiff {
  const before = byId(from.rubric);
  const after = byId(to.rubric);
  const disabledBy = (policy: ActivePolicy) => new Map(policy.disabled.map((d) => [d.criterion, d.reason]));
  const disabledBefore = disabledBy(from);
  const disabledAfter = disabledBy(to);
  const changes: CriterionChange[] = [];
  for (const [id, old] of before) {
    const current = after.get(id);
    if (current === undefined) {
      const reason = disabledAfter.get(id);
      changes.push(
        reason === undefined
          ? { ...named(old), change: "removed" }
          : { ...named(old), change: "disabled", reason },
      );
      continue;
    }
    const fields = comparedFields
      .filter((field) => canonicalJson(old[field]) !== canonicalJson(current[field]))
      .map((field) => ({ field, before: old[field], after: current[field] }));
    if (fields.length > 0) changes.push({ ...named(current), change: "changed", fields });
  }
  for (const [id, current] of after) {
    if (before.has(id)) continue;
    const reason = disabledBefore.get(id);
    changes.push(
      reason === undefined
        ? { ...named(current), change: "added" }
        : { ...named(current), change: "enabled", reason },
    );
  }
  changes.sort(
    (a, b) =>
      axes.indexOf(a.axis) - axes.indexOf(b.axis) ||
      a.level - b.level ||
      (a.criterion < b.criterion ? -1 : a.criterion > b.criterion ? 1 : 0),
  );
  return {
    from: from.rubricVersion,
    to: to.rubricVersion,
    criteria: changes,
    waivers: waiverChanges(from, to),
  };
}

function byId(rubric: Rubric): Map<string, CriterionDefinition> {
  return new Map(rubric.criteria.map((c) => [c.id, c]));
}

function named(c: CriterionDefinition): Named {
  return { criterion: c.id, axis: c.axis, level: c.level, title: c.title };
}

function waiverChanges(from: ActivePolicy, to: ActivePolicy): WaiverRuleChanges {
  const before = from.rubric.waivers ?? defaultWaiverRules;
  const after = to.rubric.waivers ?? defaultWaiverRules;
  return {
    ...(before.maxDays !== after.maxDays
      ? { maxDays: { before: before.maxDays, after: after.maxDays } }
      : {}),
    forbiddenAdded: after.forbidden.filter((id) => !before.forbidden.includes(id)).sort(),
    forbiddenRemoved: before.forbidden.filter((id) => !after.forbidden.includes(id)).sort(),
  };
}

/** True when the two policies score alike and allow the same waivers. */
export function isEmptyDiff(diff: PolicyDiff): boolean {
  return (
    diff.criteria.length === 0 &&
    diff.waivers.maxDays === undefined &&
    diff.waivers.forbiddenAdded.length === 0 &&
    diff.waivers.forbiddenRemoved.length === 0
  );
}
