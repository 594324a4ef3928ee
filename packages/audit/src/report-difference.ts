// Where a pack's report.json and the report re-scored from its events first part: the criterion
// when it is one, else the field, in words a reader can act on.
import { axes } from "@maturity/model";
import type { CriterionResult } from "@maturity/model";
import { canonicalJson } from "@maturity/model/chain";
import type { ReportDocument } from "./pack-files.ts";

export function firstReportDifference(packed: ReportDocument, rescored: ReportDocument): string {
  for (const key of ["systemId", "asOf", "rubricVersion"] as const)
    if (packed?.[key] !== rescored[key])
      return `its ${key} is ${JSON.stringify(packed?.[key])}, but the pack is of ${JSON.stringify(rescored[key])}`;
  const mine = packed.report;
  const theirs = rescored.report;
  for (const axis of axes) {
    const packedCriteria: CriterionResult[] = mine?.axes?.[axis]?.criteria ?? [];
    const byId = new Map(packedCriteria.map((c) => [c.id, c]));
    for (const criterion of theirs.axes[axis].criteria) {
      const claimed = byId.get(criterion.id);
      if (claimed === undefined)
        return `criterion ${criterion.id} is missing, but re-scoring events.ndjson gives it as ${criterion.status}`;
      if (canonicalJson(claimed) !== canonicalJson(criterion))
        return (
          `criterion ${criterion.id} is ${claimed.status} (degree ${claimed.degree}, ${claimed.evidenceCount} event(s)) in the pack, ` +
          `but re-scoring events.ndjson gives ${criterion.status} (degree ${criterion.degree}, ${criterion.evidenceCount} event(s))`
        );
      byId.delete(criterion.id);
    }
    const extra = byId.keys().next();
    if (!extra.done)
      return `criterion ${extra.value} is in the pack, but re-scoring events.ndjson does not judge it`;
  }
  const path = firstDifferentPath(mine, theirs, "report");
  return `${path} differs from what re-scoring events.ndjson gives`;
}

function firstDifferentPath(a: unknown, b: unknown, path: string): string {
  if (canonicalJson(a) === canonicalJson(b)) return "";
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return path;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const key of keys) {
    const inner = firstDifferentPath(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`,
    );
    if (inner !== "") return inner;
  }
  return path;
}
