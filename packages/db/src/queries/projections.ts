import type { Axis, OrgRollup, SystemReport, TeamRollup, Waiver } from "@maturity/model";
import { axes } from "@maturity/model";
import { and, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import {
  criterionRows,
  rollupRows,
  systemReportRow,
  systemRiskRows,
  teamRiskRows,
} from "../projection-rows.ts";
import { insertRows, replaceRowsOf, upsertRows } from "./bulk-insert.ts";
import type { Database, Transaction } from "../client.ts";
import {
  axisScores,
  criterionResults,
  queueFacts,
  risks,
  rollups,
  scoreHistory,
  systemFacts,
  systemReports,
} from "../schema/projections.ts";
import { rescoreRequests, rescoreTicks } from "../schema/events.ts";
import { fromJsonb } from "./jsonb.ts";
import { rowsOf } from "./rows-of.ts";
import { toIsoTime } from "./time.ts";

type Queryable = Database | Transaction;

export interface StoredFacts {
  factsVersion: number;
  facts: unknown;
}

/** Loads and locks the facts of these systems: the batch that holds the lock owns them until commit. */
export async function loadSystemFactsForUpdate(
  tx: Transaction,
  systemIds: readonly string[],
): Promise<Map<string, StoredFacts>> {
  if (systemIds.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(systemFacts)
    .where(inArray(systemFacts.systemId, [...systemIds]))
    .orderBy(systemFacts.systemId)
    .for("update");
  return new Map(rows.map((row) => [row.systemId, { factsVersion: row.factsVersion, facts: row.facts }]));
}

/**
 * Up to `limit` systems' stored facts after `afterSystemId` in id order, without locking: for
 * readers that change nothing (a policy preview), a page at a time.
 */
export async function loadSystemFactsPage(
  db: Queryable,
  afterSystemId: string,
  limit: number,
): Promise<{ systemId: string; stored: StoredFacts }[]> {
  const rows = await db
    .select()
    .from(systemFacts)
    .where(gt(systemFacts.systemId, afterSystemId))
    .orderBy(systemFacts.systemId)
    .limit(limit);
  return rows.map((row) => ({
    systemId: row.systemId,
    stored: { factsVersion: row.factsVersion, facts: row.facts },
  }));
}

export async function saveSystemFacts(
  tx: Transaction,
  entries: readonly { systemId: string; factsVersion: number; facts: unknown }[],
): Promise<void> {
  await upsertRows(tx, systemFacts, entries, [systemFacts.systemId]);
}

export async function listSystemIdsWithFacts(db: Queryable): Promise<string[]> {
  const rows = await db
    .select({ systemId: systemFacts.systemId })
    .from(systemFacts)
    .orderBy(systemFacts.systemId);
  return rows.map((row) => row.systemId);
}

/** How many systems have stored facts (the total of a read a page at a time). */
export async function countSystemsWithFacts(db: Queryable): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(systemFacts);
  return Number(row?.count ?? 0);
}

export async function loadQueueFacts(db: Queryable): Promise<Record<string, unknown>> {
  const rows = await db.select().from(queueFacts);
  return Object.fromEntries(rows.map((row) => [row.queue, row.facts]));
}

export async function saveQueueFacts(tx: Transaction, queues: Record<string, unknown>): Promise<void> {
  for (const [queue, facts] of Object.entries(queues)) {
    await tx
      .insert(queueFacts)
      .values({ queue, facts })
      .onConflictDoUpdate({ target: queueFacts.queue, set: { facts } });
  }
}

export interface ScoreChangeCause {
  asOf: string;
  rubricVersion: string;
  /**
   * The newest event that led to this re-score (for a policy re-score, the activation), or null for
   * a re-score because time passed.
   */
  causeEventId: string | null;
  /** The re-score of every system under a newly activated policy. */
  policy?: true;
}

/** Why a score moved, as history records it. */
export type HistoryCause = "event" | "window" | "policy" | "waiver-expired";

export interface AxisChange {
  systemId: string;
  axis: Axis;
  score: number;
  level: number;
  previousScore: number | null;
}

/** The axes whose score or level differs from what was stored before (all of them the first time). */
export function axisChanges(
  report: SystemReport,
  previous: ReadonlyMap<string, { score: number; level: number }>,
): AxisChange[] {
  const changes: AxisChange[] = [];
  for (const axis of axes) {
    const { score, level } = report.axes[axis];
    const before = previous.get(axis);
    if (before !== undefined && before.score === score && before.level === level) continue;
    changes.push({ systemId: report.systemId, axis, score, level, previousScore: before?.score ?? null });
  }
  return changes;
}

/**
 * The waivers of a system's previous report that its new report no longer has for their criterion:
 * those that expired (or were revoked) in between.
 */
export function lapsedWaivers(
  before: readonly Waiver[] | undefined,
  after: readonly Waiver[] | undefined,
): Waiver[] {
  if (before === undefined || before.length === 0) return [];
  return before.filter((waiver) => !after?.some((now) => now.criterionId === waiver.criterionId));
}

/**
 * The history rows for these changes of one system. `lapsed` (see lapsedWaivers): on a re-score
 * because time passed, a move on the axis of a waiver that lapsed is that waiver expiring.
 */
export function historyRows(
  changes: readonly AxisChange[],
  cause: ScoreChangeCause,
  lapsed: readonly Waiver[] = [],
) {
  return changes.map((change) => {
    let why: HistoryCause = cause.policy ? "policy" : cause.causeEventId === null ? "window" : "event";
    let causeEventId = cause.causeEventId;
    if (why === "window") {
      // Criterion ids start with their axis; waivers are listed by criterion id, so the first is stable.
      const expired = lapsed.find((waiver) => waiver.criterionId.startsWith(`${change.axis}.`));
      if (expired !== undefined) [why, causeEventId] = ["waiver-expired", expired.eventId];
    }
    return {
      systemId: change.systemId,
      axis: change.axis,
      at: cause.asOf,
      score: change.score,
      level: change.level,
      previousScore: change.previousScore,
      rubricVersion: cause.rubricVersion,
      causeEventId,
      cause: why,
    };
  });
}

/**
 * Replaces the current reports of these systems and their query tables, and appends a history
 * row for every axis whose score changed. Returns those changes (for live subscribers). A few
 * multi-row statements for the whole batch, whatever the number of systems.
 */
export async function writeSystemReports(
  tx: Transaction,
  entries: readonly { report: SystemReport; cause: ScoreChangeCause }[],
): Promise<AxisChange[]> {
  if (entries.length === 0) return [];
  const systemIds = entries.map((entry) => entry.report.systemId);
  const previous = new Map<string, Map<string, { score: number; level: number }>>();
  for (const row of await tx.select().from(axisScores).where(inArray(axisScores.systemId, systemIds))) {
    const bySystem = previous.get(row.systemId) ?? new Map<string, { score: number; level: number }>();
    bySystem.set(row.axis, row);
    previous.set(row.systemId, bySystem);
  }
  const waiversBefore = await previousWaivers(
    tx,
    entries.filter(({ cause }) => cause.causeEventId === null).map(({ report }) => report.systemId),
  );
  const allChanges: AxisChange[] = [];
  const history: ReturnType<typeof historyRows> = [];
  for (const { report, cause } of entries) {
    const changes = axisChanges(report, previous.get(report.systemId) ?? new Map());
    allChanges.push(...changes);
    const lapsed = lapsedWaivers(waiversBefore.get(report.systemId), report.waivers);
    history.push(...historyRows(changes, cause, lapsed));
  }
  await upsertRows(
    tx,
    systemReports,
    entries.map(({ report, cause }) => systemReportRow(report, cause.asOf, cause.rubricVersion)),
    [systemReports.systemId],
  );
  if (allChanges.length > 0) {
    await upsertRows(
      tx,
      axisScores,
      allChanges.map(({ systemId, axis, score, level }) => ({ systemId, axis, score, level })),
      [axisScores.systemId, axisScores.axis],
    );
    await insertRows(tx, scoreHistory, history);
  }
  // Most criteria and risks of a re-scored system are as they were: only the rows that differ
  // are written, and rows the new reports no longer have are deleted.
  await replaceRowsOf(
    tx,
    criterionResults,
    entries.flatMap(({ report }) => criterionRows(report)),
    [criterionResults.systemId, criterionResults.criterionId],
    { column: criterionResults.systemId, values: systemIds },
  );
  await replaceRowsOf(
    tx,
    risks,
    entries.flatMap(({ report }) => systemRiskRows(report)),
    [risks.riskKey],
    { column: risks.systemId, values: systemIds },
  );
  return allChanges;
}

/** The waivers listed by the stored reports of these systems (only those that list any). */
async function previousWaivers(
  tx: Transaction,
  systemIds: readonly string[],
): Promise<Map<string, Waiver[]>> {
  if (systemIds.length === 0) return new Map();
  const rows = await tx
    .select({ systemId: systemReports.systemId, waivers: sql<unknown>`${systemReports.report}->'waivers'` })
    .from(systemReports)
    .where(
      and(
        inArray(systemReports.systemId, [...systemIds]),
        isNotNull(sql`${systemReports.report}->'waivers'`),
      ),
    );
  return new Map(rows.map((row) => [row.systemId, fromJsonb<Waiver[]>(row.waivers)]));
}

/** All current system reports (the input of team and org rollups). */
export async function loadSystemReports(db: Queryable): Promise<SystemReport[]> {
  const rows = await db
    .select({ report: systemReports.report })
    .from(systemReports)
    .orderBy(systemReports.systemId);
  return rows.map((row) => row.report as SystemReport);
}

/** The current reports of these systems, with the time each was scored as of (none for a system never scored). */
export async function loadSystemReportsOf(
  db: Queryable,
  systemIds: readonly string[],
): Promise<Map<string, { report: SystemReport; asOf: string }>> {
  if (systemIds.length === 0) return new Map();
  const rows = await db
    .select({ systemId: systemReports.systemId, report: systemReports.report, asOf: systemReports.asOf })
    .from(systemReports)
    .where(inArray(systemReports.systemId, [...systemIds]));
  return new Map(
    rows.map((row) => [row.systemId, { report: row.report as SystemReport, asOf: toIsoTime(row.asOf) }]),
  );
}

/** Replaces the team and org rollups and the team-level risks in one go. */
export async function replaceRollups(
  tx: Transaction,
  input: { asOf: string; teams: TeamRollup[]; org: OrgRollup },
): Promise<void> {
  await tx.delete(rollups);
  await insertRows(tx, rollups, rollupRows(input.asOf, input.teams, input.org));
  await tx.delete(risks).where(isNull(risks.systemId));
  await insertRows(tx, risks, teamRiskRows(input.org.risks));
}

export async function recordRescoreTick(tx: Transaction, at: string): Promise<void> {
  await tx.insert(rescoreTicks).values({ at }).onConflictDoNothing();
}

/** Owes every system a re-score, in the caller's transaction (see `rescoreRequests`). */
export async function requestRescore(tx: Transaction, at: string, reason: string): Promise<void> {
  await tx.insert(rescoreRequests).values({ requestedAt: at, reason });
}

/** The newest owed re-score's id, or null when none is owed. */
export async function latestRescoreRequest(db: Database | Transaction): Promise<number | null> {
  const rows = rowsOf<{ id: string | number | null }>(
    await db.execute(sql`select max(id) as id from rescore_requests`),
  );
  return rows[0]?.id == null ? null : Number(rows[0].id);
}

/** Settles the requests up to `id` once a re-score that started after them has finished. */
export async function settleRescoreRequests(db: Database, id: number): Promise<void> {
  await db.execute(sql`delete from rescore_requests where id <= ${id}`);
}

/**
 * GPU queue policies are org-wide facts read by every system's scoring. Readers take this lock
 * shared, a policy change takes it exclusively: the change waits for every batch in flight to
 * commit, and every batch after it sees the new policy, so the re-score that follows a change
 * reaches every system that could have missed it.
 */
export async function lockQueueFacts(tx: Transaction, mode: "read" | "write"): Promise<void> {
  await tx.execute(
    mode === "read"
      ? sql`select pg_advisory_xact_lock_shared(7422004)`
      : sql`select pg_advisory_xact_lock(7422004)`,
  );
}
