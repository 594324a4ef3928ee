import type { MaturityEvent, NativeIdMappings, Risk, SystemReport } from "@maturity/model";
import { routeEvent, unmappedSubject } from "@maturity/model";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database, Transaction } from "../client.ts";
import { events } from "../schema/events.ts";
import { rollups, risks, scoreHistory, sourceMappings, systemReports } from "../schema/projections.ts";
import { pgArrayLiteral } from "./pg-array.ts";
import { listSourceMappings } from "./source-mappings.ts";
import { rowsOf } from "./rows-of.ts";
import { toIsoTime } from "./time.ts";
import { fromJsonb } from "./jsonb.ts";
import type { HistoryCause } from "./projections.ts";

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

export interface OverviewRow {
  systemId: string;
  name: string;
  team: string;
  kind: string;
  riskTier: string;
  asOf: string;
  axis: string;
  score: number;
  level: number;
  /** The score as it stood at the trend's start (null: no score yet then). */
  scoreThen: number | null;
}

/**
 * Every active system × axis with its current score and level and the score it had at `then`,
 * from the narrow tables (not the full reports), so the org map stays fast at thousands of systems.
 */
export async function overviewRows(db: Database, then: string): Promise<OverviewRow[]> {
  const rows = rowsOf<{
    system_id: string;
    name: string;
    team: string;
    kind: string;
    risk_tier: string;
    as_of: string;
    axis: string;
    score: number;
    level: number;
    score_then: number | null;
  }>(
    await db.execute(sql`
      select r.system_id, r.name, r.team, r.kind, r.risk_tier, r.as_of, a.axis, a.score, a.level,
        (select h.score from projections.score_history h
          where h.system_id = a.system_id and h.axis = a.axis and h.at <= ${then}::timestamptz
          order by h.at desc, h.id desc limit 1) as score_then
      from projections.system_reports r
      join projections.axis_scores a on a.system_id = r.system_id
      where not r.retired
      order by r.system_id, a.axis`),
  );
  return rows.map((row) => ({
    systemId: row.system_id,
    name: row.name,
    team: row.team,
    kind: row.kind,
    riskTier: row.risk_tier,
    asOf: toIsoTime(String(row.as_of)),
    axis: row.axis,
    score: Number(row.score),
    level: Number(row.level),
    scoreThen: row.score_then === null ? null : Number(row.score_then),
  }));
}

/** Active systems' name, kind and team (no reports: the executive series and forecasts need only these). */
export async function activeSystemKinds(
  db: Database,
  team?: string,
): Promise<{ systemId: string; name: string; team: string; kind: string }[]> {
  return db
    .select({
      systemId: systemReports.systemId,
      name: systemReports.name,
      team: systemReports.team,
      kind: systemReports.kind,
    })
    .from(systemReports)
    .where(
      and(eq(systemReports.retired, false), team === undefined ? undefined : eq(systemReports.team, team)),
    )
    .orderBy(asc(systemReports.systemId));
}

/** The newest scoring instant of any stored report (where "now" is for the portal). */
export async function latestReportTime(db: Database): Promise<string | null> {
  const rows = rowsOf<{ at: string | null }>(
    await db.execute(sql`select max(as_of) as at from projections.system_reports`),
  );
  return rows[0]?.at == null ? null : toIsoTime(String(rows[0].at));
}

export interface RiskFilter {
  team?: string;
  kind?: string;
  systemKind?: string;
  riskTier?: string;
  /** One system's risks only. */
  systemId?: string;
  limit: number;
  /** Only the risks ranked after this one (keyset pagination: rank descending, then key). */
  after?: RiskPosition;
}

/** Where a risk sits in the ranking: its rank and its key (unique), for keyset pagination. */
export interface RiskPosition {
  rank: number;
  riskKey: string;
}

function riskConditions(filter: Omit<RiskFilter, "limit" | "after">) {
  return [
    filter.team === undefined ? undefined : eq(risks.team, filter.team),
    filter.kind === undefined ? undefined : eq(risks.kind, filter.kind),
    filter.systemKind === undefined ? undefined : eq(systemReports.kind, filter.systemKind),
    filter.riskTier === undefined ? undefined : eq(systemReports.riskTier, filter.riskTier),
    filter.systemId === undefined ? undefined : eq(risks.systemId, filter.systemId),
  ];
}

/** Ranked risks, highest first, filtered by team, risk kind, and the system's kind and risk tier. */
export async function rankedRisks(db: Database, filter: RiskFilter): Promise<Risk[]> {
  return (await rankedRiskRows(db, filter)).map((row) => row.risk);
}

/** `rankedRisks` with each risk's position, to continue after it (`filter.after`). */
export async function rankedRiskRows(
  db: Database,
  filter: RiskFilter,
): Promise<{ risk: Risk; position: RiskPosition }[]> {
  const after = filter.after;
  const rows = await db
    .select({ risk: risks.risk, rank: risks.rank, riskKey: risks.riskKey })
    .from(risks)
    .leftJoin(systemReports, eq(systemReports.systemId, risks.systemId))
    .where(
      and(
        ...riskConditions(filter),
        after === undefined
          ? undefined
          : sql`(${risks.rank} < ${after.rank} or (${risks.rank} = ${after.rank} and ${risks.riskKey} > ${after.riskKey}))`,
      ),
    )
    .orderBy(desc(risks.rank), asc(risks.riskKey))
    .limit(filter.limit);
  return rows.map((row) => ({ risk: row.risk as Risk, position: { rank: row.rank, riskKey: row.riskKey } }));
}

/** How many risks the filter matches, all pages together. */
export async function countRisks(db: Database, filter: Omit<RiskFilter, "limit" | "after">): Promise<number> {
  const [row] = await db
    .select({ count: sql<number | string>`count(*)` })
    .from(risks)
    .leftJoin(systemReports, eq(systemReports.systemId, risks.systemId))
    .where(and(...riskConditions(filter)));
  return Number(row?.count ?? 0);
}

export async function teamRollups(db: Database) {
  const rows = await db.select().from(rollups).orderBy(asc(rollups.scope));
  return rows.map((row) => ({ ...row, asOf: toIsoTime(row.asOf) }));
}

/** One point of a system's score history: the axis's new score, and why and under which rubric. */
export interface HistoryPoint {
  id: number;
  systemId: string;
  axis: string;
  at: string;
  score: number;
  level: number;
  previousScore: number | null;
  /** The rubric that computed the score: the built-in one's version, or a policy's. */
  rubricVersion: string;
  cause: HistoryCause;
  /** The event behind the cause: the system's newest new event, the policy activation, or the expired waiver's grant; null when the window moved. */
  causeEventId: string | null;
}

/** A system's score history, oldest first, each point with its rubric version and cause. */
export async function systemHistory(db: Database, systemId: string): Promise<HistoryPoint[]> {
  const rows = await db
    .select({
      id: scoreHistory.id,
      systemId: scoreHistory.systemId,
      axis: scoreHistory.axis,
      at: scoreHistory.at,
      score: scoreHistory.score,
      level: scoreHistory.level,
      previousScore: scoreHistory.previousScore,
      rubricVersion: scoreHistory.rubricVersion,
      cause: scoreHistory.cause,
      causeEventId: scoreHistory.causeEventId,
    })
    .from(scoreHistory)
    .where(eq(scoreHistory.systemId, systemId))
    .orderBy(asc(scoreHistory.at), asc(scoreHistory.id));
  return rows.map((row) => ({ ...row, at: toIsoTime(row.at), cause: row.cause as HistoryCause }));
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
 * Every stored event that can bear on one system's score as of `asOf`, as the system folds it: its
 * own (telemetry included), those of native ids mapped to it re-addressed to it (packages/model's
 * routing), and GPU queue policies. Point-in-time views fold these with packages/scoring.
 */
export async function eventsForSystemAsOf(
  db: Database | Transaction,
  systemId: string,
  asOf: string,
): Promise<MaturityEvent[]> {
  const mappings = new Map(
    (
      await db
        .select({ ref: sourceMappings.ref, systemId: sourceMappings.systemId })
        .from(sourceMappings)
        .where(eq(sourceMappings.systemId, systemId))
    ).map((row) => [row.ref, row.systemId]),
  );
  const subjects = pgArrayLiteral([systemId, ...[...mappings.keys()].map((ref) => unmappedSubject(ref))]);
  const rows = rowsOf<{ payload: unknown }>(
    await db.execute(sql`
      select payload from events where system_id = any(${subjects}::text[]) and time <= ${asOf}::timestamptz
      union all
      select payload from telemetry_events where system_id = any(${subjects}::text[]) and time <= ${asOf}::timestamptz
      union all
      select payload from events where type = 'gpu.queue.configured' and time <= ${asOf}::timestamptz`),
  );
  return routedEvents(rows, mappings);
}

/**
 * Every stored event up to `asOf` (telemetry included) as the systems fold them: events of mapped
 * native ids re-addressed to their systems and those of ids no mapping names yet left out
 * (packages/model's routing, as the worker does): what the whole organisation's point-in-time
 * view folds.
 */
export async function eventsAsOf(db: Database, asOf: string): Promise<MaturityEvent[]> {
  const mappings = await listSourceMappings(db);
  const rows = rowsOf<{ payload: unknown }>(
    await db.execute(sql`
      select payload from events where time <= ${asOf}::timestamptz
      union all
      select payload from telemetry_events where time <= ${asOf}::timestamptz`),
  );
  return routedEvents(rows, mappings);
}

function routedEvents(rows: readonly { payload: unknown }[], mappings: NativeIdMappings): MaturityEvent[] {
  const routed: MaturityEvent[] = [];
  for (const row of rows) {
    const event = routeEvent(fromJsonb<MaturityEvent>(row.payload), mappings);
    if (event !== undefined) routed.push(event);
  }
  return routed;
}

/** The score history of these systems, oldest first (the executive series and forecasts read it). */
export async function historyOfSystems(db: Database, systemIds: readonly string[]) {
  if (systemIds.length === 0) return [];
  const rows = await db
    .select({
      systemId: scoreHistory.systemId,
      axis: scoreHistory.axis,
      at: scoreHistory.at,
      score: scoreHistory.score,
      level: scoreHistory.level,
      rubricVersion: scoreHistory.rubricVersion,
      cause: scoreHistory.cause,
    })
    .from(scoreHistory)
    .where(inArray(scoreHistory.systemId, [...systemIds]))
    .orderBy(asc(scoreHistory.at), asc(scoreHistory.id));
  return rows.map((row) => ({ ...row, at: toIsoTime(row.at) }));
}
