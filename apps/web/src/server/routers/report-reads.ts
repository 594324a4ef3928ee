// A system's report as it was at a past time, recomputed with packages/scoring from the stored
// events under the policy in force then (the system page's and the compliance view's as-of reads),
// or the stored one now.
import type { Database } from "@maturity/db";
import { currentReport, eventsForSystemAsOf } from "@maturity/db";
import type { SystemReport } from "@maturity/model";
import type { Rubric } from "@maturity/model/rubric";
import { evolve, initialFacts, scoreSystem } from "@maturity/scoring";
import { TRPCError } from "@trpc/server";
import { policyAsOf, policyInForceNow } from "./policy-reads.ts";

/** The system at `asOf` and the rubric that scored it; NOT_FOUND when it had no evidence yet. */
export async function reportAsOf(
  db: Database,
  systemId: string,
  asOf: string,
): Promise<{ report: SystemReport; rubric: Rubric }> {
  const facts = initialFacts();
  // Events of native ids mapped to this system come re-addressed to it (packages/model's routing).
  for (const event of await eventsForSystemAsOf(db, systemId, asOf)) evolve(facts, event);
  const { rubric } = await policyAsOf(db, asOf);
  const systemFacts = facts.systems[systemId];
  const report = systemFacts === undefined ? null : scoreSystem(systemFacts, { asOf, rubric }, facts.queues);
  if (report === null) {
    throw new TRPCError({ code: "NOT_FOUND", message: `no evidence of "${systemId}" at or before ${asOf}` });
  }
  return { report, rubric };
}

export interface ReportAt {
  report: SystemReport;
  /** The rubric of the policy in force (now, or at `asOf`). */
  rubric: Rubric;
  asOf: string;
  /** The stored report's; while the worker re-scores under a new policy it may lag `rubric`. */
  rubricVersion: string;
  pointInTime: boolean;
}

/** The stored report under the policy in force, or with `asOf` the report recomputed as it was then. */
export async function reportAt(db: Database, systemId: string, asOf: string | undefined): Promise<ReportAt> {
  if (asOf !== undefined) {
    const { report, rubric } = await reportAsOf(db, systemId, asOf);
    return {
      report,
      rubric,
      asOf: new Date(asOf).toISOString(),
      rubricVersion: rubric.version,
      pointInTime: true,
    };
  }
  const [current, policy] = await Promise.all([currentReport(db, systemId), policyInForceNow(db)]);
  if (current === null) throw new TRPCError({ code: "NOT_FOUND", message: `no system "${systemId}"` });
  return { ...current, rubric: policy.rubric, pointInTime: false };
}
