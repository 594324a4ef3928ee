// The waivers in force, as the stored system reports list them (each report's `waivers`): for the
// organisation page's count per team. Built on @maturity/db's exports.
import type { Database } from "@maturity/db";
import { asc, liveProjections, sql } from "@maturity/db";
import type { Waiver } from "@maturity/model";

export interface WaiverRow extends Waiver {
  systemId: string;
  name: string;
  team: string;
}

/** Every waiver in the current reports of the active (not retired) systems, soonest expiry first. */
export async function waiversInForce(db: Database): Promise<WaiverRow[]> {
  const { systemReports } = liveProjections;
  const rows = await db
    .select({
      systemId: systemReports.systemId,
      name: systemReports.name,
      team: systemReports.team,
      waivers: sql<unknown>`${systemReports.report} -> 'waivers'`,
    })
    .from(systemReports)
    .where(
      sql`not ${systemReports.retired} and jsonb_typeof(${systemReports.report} -> 'waivers') = 'array'
        and jsonb_array_length(${systemReports.report} -> 'waivers') > 0`,
    )
    .orderBy(asc(systemReports.systemId));
  return rows
    .flatMap(({ waivers, ...system }) =>
      // Raw jsonb: parsed by postgres.js, text from PGlite.
      (typeof waivers === "string" ? (JSON.parse(waivers) as Waiver[]) : (waivers as Waiver[])).map(
        (waiver) => ({
          ...system,
          ...waiver,
        }),
      ),
    )
    .sort(
      (a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt) || a.systemId.localeCompare(b.systemId),
    );
}

/** The waivers per team (and how many systems hold one), every team with a waiver, by name. */
export function waiverCountsByTeam(rows: readonly WaiverRow[]) {
  const teams = new Map<string, { team: string; waivers: number; systems: Set<string> }>();
  for (const row of rows) {
    const entry = teams.get(row.team) ?? { team: row.team, waivers: 0, systems: new Set<string>() };
    entry.waivers++;
    entry.systems.add(row.systemId);
    teams.set(row.team, entry);
  }
  return [...teams.values()]
    .sort((a, b) => a.team.localeCompare(b.team))
    .map(({ systems, ...entry }) => ({ ...entry, systems: systems.size }));
}
