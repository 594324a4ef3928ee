import type { AlertsConfig } from "@maturity/alerts";
import type { Database } from "@maturity/db";
import { loadSystemReports, replaceRollups } from "@maturity/db";
import { assembleReport } from "@maturity/scoring";
import { enqueueOrgAlerts } from "../alerts/decide-in-transaction.ts";
import { policyInForce } from "../policy/policy-in-force.ts";

/**
 * Recomputes team and org rollups (track medians, gaps, team-level risks) from the current system
 * reports, under the policy in force, and with `alerts`, decides the organisation's alert rules
 * against the last rollup in the same transaction. Runs on a short timer rather than per batch:
 * it reads every system.
 */
export async function refreshRollups(db: Database, now: number, alerts?: AlertsConfig): Promise<void> {
  await db.transaction(async (tx) => {
    const systems = await loadSystemReports(tx);
    const { rubric } = await policyInForce(tx);
    const report = assembleReport(systems, { asOf: now, rubric });
    await replaceRollups(tx, { asOf: report.asOf, teams: report.teams, org: report.org });
    if (alerts !== undefined) await enqueueOrgAlerts(tx, alerts, report, rubric);
  });
}
