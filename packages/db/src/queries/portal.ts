import type { MaturityEvent, Risk, SystemReport } from "@maturity/model";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { events } from "../schema/events.ts";
import { rollups, risks, scoreHistory, systemReports } from "../schema/projections.ts";
import { rowsOf } from "./telemetry-partitions.ts";
import { toIsoTime } from "./time.ts";

/** Every current system report (retired ones included, flagged), by system id. */
export async function currentReports(db: Database): Promise<{ report: SystemReport; asOf: string }[]> {
  const rows = await db
    .select({ report: systemReports.report, asOf: systemReports.asOf })
    .from(systemReports)
    .orderBy(asc(systemReports.systemId));
  return rows.map((row) => ({ report: row.report as SystemReport, asOf: toIsoTime(row.asOf) }));
}

export async function currentReport(
  db: Database,
  systemId: string,
): Promise<{ report: SystemReport; asOf: string; rubricVersion: string } | null> {
  const [row] = await db.select().from(systemReports).where(eq(systemReports.systemId, systemId));
  return row === undefined
    ? null
    : { report: row.report as SystemReport, asOf: toIsoTime(row.asOf), rubricVersion: row.rubricVersion };
}

/** Each system × axis score as it stood at `at` (the last change at or before it), for trends. */
export async function scoresAt(db: Database, at: string): Promise<Map<string, number>> {
  const rows = rowsOf<{ system_id: string; axis: string; score: number }>(
    await db.execute(sql`
      select distinct on (system_id, axis) system_id, axis, score
      from projections.score_history where at <= ${at}::timestamptz
      order by system_id, axis, at desc, id desc`),
  );
  return new Map(rows.map((row) => [`${row.system_id}/${row.axis}`, Number(row.score)]));
}

export interface RiskFilter {
  team?: string;
  kind?: string;
  systemKind?: string;
  riskTier?: string;
  limit: number;
}

/** Ranked risks, highest first, filtered by team, risk kind, and the system's kind and risk tier. */
export async function rankedRisks(db: Database, filter: RiskFilter): Promise<Risk[]> {
  const rows = await db
    .select({ risk: risks.risk })
    .from(risks)
    .leftJoin(systemReports, eq(systemReports.systemId, risks.systemId))
    .where(
      and(
        filter.team === undefined ? undefined : eq(risks.team, filter.team),
        filter.kind === undefined ? undefined : eq(risks.kind, filter.kind),
        filter.systemKind === undefined ? undefined : eq(systemReports.kind, filter.systemKind),
        filter.riskTier === undefined ? undefined : eq(systemReports.riskTier, filter.riskTier),
      ),
    )
    .orderBy(desc(risks.rank), asc(risks.riskKey))
    .limit(filter.limit);
  return rows.map((row) => row.risk as Risk);
}

export async function teamRollups(db: Database) {
  const rows = await db.select().from(rollups).orderBy(asc(rollups.scope));
  return rows.map((row) => ({ ...row, asOf: toIsoTime(row.asOf) }));
}

/** A system's score history, oldest first. */
export async function systemHistory(db: Database, systemId: string) {
  const rows = await db
    .select()
    .from(scoreHistory)
    .where(eq(scoreHistory.systemId, systemId))
    .orderBy(asc(scoreHistory.at), asc(scoreHistory.id));
  return rows.map((row) => ({ ...row, at: toIsoTime(row.at) }));
}

/** The stored events with these ids (a criterion's evidence), optionally of one system. */
export async function eventsByIds(
  db: Database,
  ids: readonly string[],
  systemId?: string,
): Promise<MaturityEvent[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ payload: events.payload })
    .from(events)
    .where(
      and(
        inArray(events.eventId, [...ids]),
        systemId === undefined ? undefined : eq(events.systemId, systemId),
      ),
    )
    .orderBy(desc(events.time));
  return rows.map((row) => row.payload as MaturityEvent);
}

/**
 * Every stored event that can bear on one system's score as of `asOf`: its own (telemetry
 * included), those of native ids mapped to it, and GPU queue policies. Point-in-time views fold
 * these with packages/scoring.
 */
export async function eventsForSystemAsOf(
  db: Database,
  systemId: string,
  asOf: string,
): Promise<MaturityEvent[]> {
  const rows = rowsOf<{ payload: unknown }>(
    await db.execute(sql`
      with subjects as (
        select ${systemId}::text as subject
        union select 'unmapped:' || ref from projections.source_mappings where system_id = ${systemId}
      )
      select payload from events where system_id in (select subject from subjects) and time <= ${asOf}::timestamptz
      union all
      select payload from telemetry_events where system_id in (select subject from subjects) and time <= ${asOf}::timestamptz
      union all
      select payload from events where type = 'gpu.queue.configured' and time <= ${asOf}::timestamptz`),
  );
  return rows.map(
    (row) => (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as MaturityEvent,
  );
}

/** The score history of these systems, oldest first (the executive series reads it). */
export async function historyOfSystems(db: Database, systemIds: readonly string[]) {
  if (systemIds.length === 0) return [];
  const rows = await db
    .select({
      systemId: scoreHistory.systemId,
      axis: scoreHistory.axis,
      at: scoreHistory.at,
      score: scoreHistory.score,
    })
    .from(scoreHistory)
    .where(inArray(scoreHistory.systemId, [...systemIds]))
    .orderBy(asc(scoreHistory.at), asc(scoreHistory.id));
  return rows.map((row) => ({ ...row, at: toIsoTime(row.at) }));
}
