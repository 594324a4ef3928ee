// A criterion's degree rule in words, for an agent to relay: what is counted, and what must hold.
import type { DegreeRule, FieldCondition, LeafRule, Where } from "@maturity/model/rubric";

function condition(field: string, value: FieldCondition): string {
  if (Array.isArray(value)) return `${field} is one of ${value.join(", ")}`;
  if (typeof value === "object")
    return "atMost" in value ? `${field} ≤ ${value.atMost}` : `${field} ≥ ${value.atLeast}`;
  return `${field} = ${String(value)}`;
}

function conditions(where: Where | undefined): string {
  const parts = Object.entries(where ?? {}).map(([field, value]) => condition(field, value));
  return parts.join(" and ");
}

const opText = { below: "below", atMost: "at most", atLeast: "at least" } as const;

function leafText(rule: LeafRule): string {
  const narrowed = (where: Where | undefined) => (where === undefined ? "" : ` where ${conditions(where)}`);
  switch (rule.rule) {
    case "share":
      return `the share of ${rule.of}${narrowed(rule.where)} with ${conditions(rule.that)}`;
    case "present":
      return `whether any ${rule.of} record${rule.that === undefined ? "" : ` with ${conditions(rule.that)}`} exists (1 when one does, 0 when records exist but none matches)`;
    case "cadence":
      return `the share of the window's weeks with at least ${rule.perWeek} ${rule.of} record(s)${narrowed(rule.where)}`;
    case "covers":
      return `the share of the required ${rule.field} values (${rule.values.join(", ")}) found among ${rule.of}${narrowed(rule.where)}`;
    case "metric":
      return `whether ${rule.metric} is ${opText[rule.op]} ${rule.value} (1 when it holds, less the further off it is)`;
  }
}

/** "Degree = …; met when the degree is at least <threshold>." */
export function ruleText(rule: DegreeRule, threshold: number): string {
  const degree =
    rule.rule === "all" ? `the lowest of: ${rule.rules.map(leafText).join("; ")}` : leafText(rule);
  return `Degree (0–1) = ${degree}. Met when the degree is at least ${threshold}.`;
}
