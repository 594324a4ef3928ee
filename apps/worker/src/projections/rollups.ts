import type { Database } from "@maturity/db";
import { loadSystemReports, replaceRollups } from "@maturity/db";
import { rubric as defaultRubric } from "@maturity/model/rubric";
import { assembleReport } from "@maturity/scoring";
import type { ScoringSettings } from "./score-systems.ts";

/**
 * Recomputes team and org rollups (track medians, gaps, team-level risks) from the current system
 * reports. Runs on a short timer rather than per batch: it reads every system.
 */
export async function refreshRollups(
  db: Database,
  now: number,
  settings: ScoringSettings = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    const systems = await loadSystemReports(tx);
    const report = assembleReport(systems, { asOf: now, rubric: settings.rubric ?? defaultRubric });
    await replaceRollups(tx, { asOf: report.asOf, teams: report.teams, org: report.org });
  });
}
