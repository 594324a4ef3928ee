// How an incident's free text (a PagerDuty title) is read: its kind, and the deployment it names.
// Declared once here; docs/incidents.md quotes these tables.
import { keyLengths, type EventData } from "@maturity/model";
import { firstKeywordMatch, type KeywordRule } from "./keywords.ts";

export type IncidentKind = EventData<"incident.opened">["kind"];

/** Kind from the title: the first rule with a matching keyword wins, in this order. */
export const incidentKindRules: readonly KeywordRule<IncidentKind>[] = [
  { value: "cost", keywords: ["cost", "spend", "budget"] },
  { value: "safety", keywords: ["safety", "harm", "toxic", "jailbreak", "pii"] },
  { value: "quality_regression", keywords: ["quality", "regression", "accuracy", "drift", "hallucinat"] },
];

/** The kind of an incident whose text matches no rule. */
export const defaultIncidentKind: IncidentKind = "outage";

export function incidentKindOf(text: string | undefined): IncidentKind {
  return (text === undefined ? undefined : firstKeywordMatch(text, incidentKindRules)) ?? defaultIncidentKind;
}

/**
 * A deployment named in free text: `deploy:<id>`, `deployment:<id>` or `deployment <id>` (the
 * keyword in any case), the id made of letters, digits and `._:/-`. A full stop or colon ending
 * the id is taken as punctuation. Scoring counts the incident against that deployment only when it
 * is a production deploy the system recorded within the 7 days before, so an id it does not know
 * changes nothing.
 */
export const deploymentLinkPattern =
  /\bdeploy(?:ment)?:([A-Za-z0-9._:/-]+)|\bdeployment\s+([A-Za-z0-9._:/-]+)/i;

/** The first deployment id the texts name, in order (the title first); undefined when none does. */
export function deploymentIdIn(...texts: (string | undefined)[]): string | undefined {
  for (const text of texts) {
    if (text === undefined) continue;
    const match = deploymentLinkPattern.exec(text);
    if (match === null) continue;
    const id = (match[1] ?? match[2] ?? "").replace(/[.:]+$/, "");
    if (id !== "" && id.length <= keyLengths.name) return id;
  }
  return undefined;
}
