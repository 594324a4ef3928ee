import type { FieldCondition, Where } from "@maturity/model/rubric";
import type { ViewRecord } from "../views/populations.ts";

function holds(value: unknown, condition: FieldCondition): boolean {
  if (Array.isArray(condition)) return typeof value === "string" && condition.includes(value);
  if (typeof condition === "object") {
    if (typeof value !== "number") return false;
    return "atMost" in condition ? value <= condition.atMost : value >= condition.atLeast;
  }
  return value === condition;
}

/** True when every field named in `where` satisfies its condition (an absent `where` always holds). */
export function matches(record: ViewRecord, where: Where | undefined): boolean {
  if (where === undefined) return true;
  const fields = record as unknown as Record<string, unknown>;
  for (const field in where) {
    if (!holds(fields[field], where[field] as FieldCondition)) return false;
  }
  return true;
}

export const weightOf = (r: ViewRecord) => r.weight ?? 1;
