// The regulation view of one system's report: for each framework, each clause the rubric's
// criteria cite, the criteria behind it with their status and evidence. The audit pack's
// clauses.json and the portal's compliance view are this index.
import type { CriterionStatus, SystemReport } from "@maturity/model";
import { axes } from "@maturity/model";
import type { RegulationClause, Rubric } from "@maturity/model/rubric";

export type Framework = RegulationClause["framework"];

export interface ClauseCriterion {
  criterionId: string;
  title: string;
  /** `not_applicable`: the rubric cites it for the clause, but not for this kind, tier or team. */
  status: CriterionStatus | "not_applicable";
  /** Ids of the events behind the result, newest first (as the report caps them). */
  evidence: string[];
}

export interface ClauseEntry {
  framework: Framework;
  clause: string;
  criteria: ClauseCriterion[];
  /** Met or waived by every criterion that applies (and at least one applies). */
  supported: boolean;
}

const frameworkOrder: readonly Framework[] = ["EU AI Act", "NIST AI RMF", "ISO/IEC 42001"];

/** Clauses in framework order, then by clause text (numbers compared as numbers). */
export function clauseIndex(report: SystemReport, rubric: Rubric): ClauseEntry[] {
  const results = new Map(axes.flatMap((axis) => report.axes[axis].criteria.map((c) => [c.id, c] as const)));
  const byClause = new Map<string, ClauseEntry>();
  for (const criterion of rubric.criteria) {
    const result = results.get(criterion.id);
    for (const { framework, clause } of criterion.regulations) {
      const key = `${framework}\u0000${clause}`;
      const entry = byClause.get(key) ?? { framework, clause, criteria: [], supported: false };
      entry.criteria.push({
        criterionId: criterion.id,
        title: criterion.title,
        status: result?.status ?? "not_applicable",
        evidence: result?.evidence ?? [],
      });
      byClause.set(key, entry);
    }
  }
  const collator = new Intl.Collator("en", { numeric: true });
  return [...byClause.values()]
    .map((entry) => {
      const applying = entry.criteria.filter((c) => c.status !== "not_applicable");
      const supported =
        applying.length > 0 && applying.every((c) => c.status === "met" || c.status === "waived");
      return { ...entry, supported };
    })
    .sort(
      (a, b) =>
        frameworkOrder.indexOf(a.framework) - frameworkOrder.indexOf(b.framework) ||
        collator.compare(a.clause, b.clause),
    );
}
