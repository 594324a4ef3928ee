// The compliance router's answers, shaped from @maturity/audit's clause index: one system's
// clauses with the stored events behind them, and the organisation's clause coverage by risk tier.
import type { ClauseEntry } from "@maturity/audit";
import { clauseIndex } from "@maturity/audit";
import type { RiskTier, SystemReport } from "@maturity/model";
import { axes, riskTierSchema } from "@maturity/model";
import type { Rubric } from "@maturity/model/rubric";
import type { ClauseCoverage, CoverageByTier, EvidenceEvent } from "./compliance-reads.ts";

/** Evidence events shown per criterion (the newest); the count says how many there are in all. */
export const evidenceShown = 5;

/** The evidence ids of an index the page shows, each once. */
export function shownEvidenceIds(clauses: readonly ClauseEntry[]): string[] {
  return [
    ...new Set(clauses.flatMap((entry) => entry.criteria.flatMap((c) => c.evidence.slice(0, evidenceShown)))),
  ];
}

/** The index with each criterion's newest evidence events (type and time) and its evidence count. */
export function systemClauses(
  report: SystemReport,
  clauses: readonly ClauseEntry[],
  events: ReadonlyMap<string, EvidenceEvent>,
) {
  const counts = new Map(
    axes.flatMap((axis) => report.axes[axis].criteria.map((c) => [c.id, c.evidenceCount] as const)),
  );
  return clauses.map((entry) => ({
    ...entry,
    criteria: entry.criteria.map((criterion) => ({
      ...criterion,
      evidenceCount: counts.get(criterion.criterionId) ?? 0,
      // An id the store does not hold (telemetry past its retention) is shown by its id alone.
      evidence: criterion.evidence
        .slice(0, evidenceShown)
        .map((id) => events.get(id) ?? { id, type: null, time: null }),
    })),
  }));
}

/**
 * Every clause the rubric cites, in the index's order, with the criteria that cite it: the index
 * of a report with no results, so the organisation's table lists exactly the per-system clauses.
 */
export function rubricClauses(rubric: Rubric) {
  const empty = { axes: Object.fromEntries(axes.map((axis) => [axis, { criteria: [] }])) };
  return clauseIndex(empty as unknown as SystemReport, rubric).map(({ framework, clause, criteria }) => ({
    framework,
    clause,
    criteria: criteria.map(({ criterionId, title }) => ({ criterionId, title })),
  }));
}

/** High first: its gaps are the ones to see. */
export const tierOrder: readonly RiskTier[] = [...riskTierSchema.options].reverse();

/** Each clause's counts per tier; `notApplicable` is the tier's systems no criterion of it applies to. */
export function coverageTable(clauses: ReturnType<typeof rubricClauses>, coverage: CoverageByTier) {
  return {
    tiers: tierOrder.map((tier) => ({ tier, systems: coverage.systems.get(tier) ?? 0 })),
    clauses: clauses.map((clause, index) => ({
      ...clause,
      tiers: Object.fromEntries(
        tierOrder.map((tier) => {
          const counts: ClauseCoverage = coverage.clauses.get(index)?.get(tier) ?? {
            supported: 0,
            partial: 0,
            none: 0,
          };
          const systems = coverage.systems.get(tier) ?? 0;
          return [
            tier,
            { ...counts, notApplicable: systems - counts.supported - counts.partial - counts.none },
          ];
        }),
      ) as Record<RiskTier, ClauseCoverage & { notApplicable: number }>,
    })),
  };
}
