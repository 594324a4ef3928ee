// A policy diff as plain text, criterion by criterion (the CLI prints it; the portal shows it).
import type { ComparedField, CriterionChange, PolicyDiff } from "./diff.ts";
import { isEmptyDiff } from "./diff.ts";

export function renderPolicyDiff(diff: PolicyDiff): string {
  const lines = [`${diff.from} → ${diff.to}`];
  if (isEmptyDiff(diff))
    return [...lines, "No changes: both score alike and allow the same waivers."].join("\n");
  lines.push(summary(diff), "");
  for (const change of diff.criteria) lines.push(...criterionLines(change));
  const { maxDays, forbiddenAdded, forbiddenRemoved } = diff.waivers;
  if (maxDays !== undefined || forbiddenAdded.length > 0 || forbiddenRemoved.length > 0) {
    if (diff.criteria.length > 0) lines.push("");
    lines.push("Waivers");
    if (maxDays !== undefined) lines.push(`  longest waiver: ${maxDays.before} days → ${maxDays.after} days`);
    if (forbiddenAdded.length > 0) lines.push(`  may no longer be waived: ${forbiddenAdded.join(", ")}`);
    if (forbiddenRemoved.length > 0) lines.push(`  may be waived again: ${forbiddenRemoved.join(", ")}`);
  }
  return lines.join("\n");
}

function summary(diff: PolicyDiff): string {
  const counts = new Map<CriterionChange["change"], number>();
  for (const c of diff.criteria) counts.set(c.change, (counts.get(c.change) ?? 0) + 1);
  const parts = (["changed", "added", "disabled", "enabled", "removed"] as const)
    .filter((kind) => counts.has(kind))
    .map((kind) => `${counts.get(kind)} ${kind}`);
  const { waivers } = diff;
  const waiverChange =
    waivers.maxDays !== undefined || waivers.forbiddenAdded.length + waivers.forbiddenRemoved.length > 0;
  const criteria = parts.length > 0 ? `Criteria: ${parts.join(", ")}.` : "No criterion changes.";
  return waiverChange ? `${criteria} Waiver rules change.` : criteria;
}

function criterionLines(change: CriterionChange): string[] {
  const head = `${change.criterion} (${change.axis} level ${change.level})`;
  switch (change.change) {
    case "added":
      return [`${head}: added: ${change.title}`];
    case "removed":
      return [`${head}: removed`];
    case "disabled":
      return [`${head}: disabled: ${change.reason}`];
    case "enabled":
      return [`${head}: enabled again (it was disabled: ${change.reason})`];
    case "changed":
      return [
        `${head}: changed`,
        ...change.fields.map(
          ({ field, before, after }) => `  ${field}: ${value(field, before)} → ${value(field, after)}`,
        ),
      ];
  }
}

// What an absent field means, so "riskTiers: every tier → high" reads as the rule it is.
const absent: Partial<Record<ComparedField, string>> = {
  riskTiers: "every tier",
  teams: "every team",
  windowDays: "the scoring run's window",
};

function value(field: ComparedField, v: unknown): string {
  if (v === undefined) return absent[field] ?? "none";
  if (Array.isArray(v) && v.every((item) => typeof item === "string")) return v.join(", ");
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}
