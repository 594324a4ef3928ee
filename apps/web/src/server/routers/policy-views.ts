// What the policy page shows of a policy: its criteria as plain rows (each rule in a line of text),
// its disabled criteria and waiver rules, and a diff whose values read as text. Pure.
import { axes } from "@maturity/model";
import type { CriterionDefinition, DegreeRule, FieldCondition, Where } from "@maturity/model/rubric";
import { defaultWaiverRules } from "@maturity/model/rubric";
import type { ActivePolicy, PolicyDiff, PolicyFileError } from "@maturity/policy";
import { builtinPolicy, formatPolicyError } from "@maturity/policy";

function condition(field: string, value: FieldCondition): string {
  if (Array.isArray(value)) return `${field} in ${value.join("|")}`;
  if (typeof value === "object")
    return "atMost" in value ? `${field} ≤ ${value.atMost}` : `${field} ≥ ${value.atLeast}`;
  return `${field} = ${String(value)}`;
}

const conditions = (where: Where | undefined) =>
  Object.entries(where ?? {})
    .map(([field, value]) => condition(field, value))
    .join(", ");

const whereText = (where: Where | undefined) =>
  where && Object.keys(where).length > 0 ? ` where ${conditions(where)}` : "";

const metricOps = { below: "<", atMost: "≤", atLeast: "≥" } as const;

/** A degree rule in one line, e.g. `share of productionDeploys that gate = passed`. */
export function ruleText(rule: DegreeRule): string {
  switch (rule.rule) {
    case "share":
      return `share of ${rule.of}${whereText(rule.where)} that ${conditions(rule.that)}`;
    case "present":
      return `any of ${rule.of}${rule.that && Object.keys(rule.that).length > 0 ? ` with ${conditions(rule.that)}` : ""}`;
    case "cadence":
      return `share of weeks with ≥ ${rule.perWeek} of ${rule.of}${whereText(rule.where)}`;
    case "covers":
      return `${rule.field} of ${rule.of}${whereText(rule.where)} covers ${rule.values.join(", ")}`;
    case "metric":
      return `${rule.metric} ${metricOps[rule.op]} ${rule.value}`;
    case "all":
      return rule.rules.map((part) => `(${ruleText(part)})`).join(" and ");
  }
}

// What a criterion field left out means.
const absentText = { windowDays: "the run's window", riskTiers: "every tier", teams: "every team" } as const;

/** A criterion field's value as the page shows it. */
export function fieldText(field: string, value: unknown): string {
  if (value === undefined || value === null) return absentText[field as keyof typeof absentText] ?? "—";
  if (field === "degree") return ruleText(value as DegreeRule);
  if (field === "threshold") return `${Math.round((value as number) * 100)}%`;
  if (field === "windowDays") return `${String(value)} days`;
  if (field === "regulations")
    return (value as { framework: string; clause: string }[])
      .map((r) => `${r.framework} ${r.clause}`)
      .join("; ");
  if (Array.isArray(value)) return value.join(", ");
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The diff with each field change's values also as text. */
export function diffView(diff: PolicyDiff) {
  return {
    ...diff,
    criteria: diff.criteria.map((change) =>
      change.change === "changed"
        ? {
            ...change,
            fields: change.fields.map((field) => ({
              ...field,
              beforeText: fieldText(field.field, field.before),
              afterText: fieldText(field.field, field.after),
            })),
          }
        : change,
    ),
  };
}

export type DiffView = ReturnType<typeof diffView>;

function criterionRow(criterion: CriterionDefinition) {
  return {
    id: criterion.id,
    axis: criterion.axis,
    level: criterion.level,
    title: criterion.title,
    threshold: criterion.threshold,
    windowDays: criterion.windowDays ?? null,
    appliesTo: criterion.appliesTo,
    riskTiers: criterion.riskTiers ?? null,
    teams: criterion.teams ?? null,
    evidence: criterion.evidence,
    rule: ruleText(criterion.degree),
    regulations: criterion.regulations.map((clause) => `${clause.framework} ${clause.clause}`),
    explanation: criterion.explanation,
  };
}

/** A policy's name, version and hash: how the page names it. */
export function policyName(policy: ActivePolicy) {
  return {
    kind: policy.kind,
    name: policy.name,
    version: String(policy.version),
    rubricVersion: policy.rubricVersion,
    contentHash: policy.contentHash,
    description: typeof policy.document.description === "string" ? policy.document.description : null,
  };
}

/**
 * A policy criterion by criterion, in axis and level order, each marked with what `diff` (against
 * the built-in rubric) says of it; its disabled criteria with their reasons; its waiver rules.
 */
export function policyView(policy: ActivePolicy, diff: PolicyDiff) {
  const changes = new Map(diff.criteria.map((change) => [change.criterion, change]));
  const builtin = new Map(builtinPolicy().rubric.criteria.map((criterion) => [criterion.id, criterion]));
  const criteria = [...policy.rubric.criteria]
    .sort(
      (a, b) =>
        axes.indexOf(a.axis) - axes.indexOf(b.axis) ||
        a.level - b.level ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((criterion) => {
      const change = changes.get(criterion.id);
      return {
        ...criterionRow(criterion),
        change: change?.change === "added" || change?.change === "changed" ? change.change : null,
        changedFields: change?.change === "changed" ? change.fields.map((field) => field.field) : [],
      };
    });
  const waivers = policy.rubric.waivers ?? defaultWaiverRules;
  return {
    ...policyName(policy),
    criteria,
    disabled: policy.disabled.map(({ criterion, reason }) => {
      const definition = builtin.get(criterion);
      return {
        id: criterion,
        reason,
        axis: definition?.axis ?? null,
        level: definition?.level ?? null,
        title: definition?.title ?? null,
      };
    }),
    waivers: { maxDays: waivers.maxDays, forbidden: waivers.forbidden },
  };
}

/** A refused file's errors as the page lists them: each with its place, and as one line. */
export function errorRows(errors: readonly PolicyFileError[]) {
  return errors.map((error) => ({
    line: error.line ?? null,
    column: error.column ?? null,
    path: error.path,
    message: error.message,
    text: formatPolicyError(error),
  }));
}
