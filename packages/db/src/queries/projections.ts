import type { Axis, Risk, SystemReport, TeamRollup, OrgRollup } from "@maturity/model";
import { axes } from "@maturity/model";
import { eq, inArray, isNull, sql } from "drizzle-orm";
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
import { rescoreTicks } from "../schema/events.ts";

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

export async function saveSystemFacts(
  tx: Transaction,
  entries: readonly { systemId: string; factsVersion: number; facts: unknown }[],
): Promise<void> {
  for (const entry of entries) {
    await tx
      .insert(systemFacts)
      .values(entry)
      .onConflictDoUpdate({
        target: systemFacts.systemId,
        set: { factsVersion: entry.factsVersion, facts: entry.facts },
      });
  }
}

export async function listSystemIdsWithFacts(db: Queryable): Promise<string[]> {
  const rows = await db
    .select({ systemId: systemFacts.systemId })
    .from(systemFacts)
    .orderBy(systemFacts.systemId);
  return rows.map((row) => row.systemId);
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
  /** The newest event that led to this re-score, or null for a re-score because time passed. */
  causeEventId: string | null;
}

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

/** The history rows for these changes. */
export function historyRows(changes: readonly AxisChange[], cause: ScoreChangeCause) {
  return changes.map((change) => ({
    systemId: change.systemId,
    axis: change.axis,
    at: cause.asOf,
    score: change.score,
    level: change.level,
    previousScore: change.previousScore,
    rubricVersion: cause.rubricVersion,
    causeEventId: cause.causeEventId,
    cause: cause.causeEventId === null ? "window" : "event",
  }));
}

/**
 * Replaces a system's current report and its query tables, and appends a history row for every
 * axis whose score changed. Returns those changes (for live subscribers).
 */
export async function writeSystemReport(
  tx: Transaction,
  report: SystemReport,
  cause: ScoreChangeCause,
): Promise<AxisChange[]> {
  const { systemId } = report;
  const previous = new Map(
    (await tx.select().from(axisScores).where(eq(axisScores.systemId, systemId))).map((row) => [
      row.axis,
      row,
    ]),
  );
  const changes = axisChanges(report, previous);
  await tx
    .insert(systemReports)
    .values({
      systemId,
      name: report.name,
      team: report.team,
      kind: report.kind,
      riskTier: report.riskTier,
      retired: report.retired ?? false,
      asOf: cause.asOf,
      rubricVersion: cause.rubricVersion,
      report,
    })
    .onConflictDoUpdate({
      target: systemReports.systemId,
      set: {
        name: report.name,
        team: report.team,
        kind: report.kind,
        riskTier: report.riskTier,
        retired: report.retired ?? false,
        asOf: cause.asOf,
        rubricVersion: cause.rubricVersion,
        report,
      },
    });
  if (changes.length > 0) {
    await tx
      .insert(axisScores)
      .values(changes.map(({ systemId: id, axis, score, level }) => ({ systemId: id, axis, score, level })))
      .onConflictDoUpdate({
        target: [axisScores.systemId, axisScores.axis],
        set: { score: sql`excluded.score`, level: sql`excluded.level` },
      });
    await tx.insert(scoreHistory).values(historyRows(changes, cause));
  }
  await tx.delete(criterionResults).where(eq(criterionResults.systemId, systemId));
  const criteria = axes.flatMap((axis) =>
    report.axes[axis].criteria.map((criterion) => ({
      systemId,
      criterionId: criterion.id,
      axis,
      level: criterion.level,
      degree: criterion.degree,
      met: criterion.met,
      status: criterion.status,
      evidence: criterion.evidence,
    })),
  );
  if (criteria.length > 0) await tx.insert(criterionResults).values(criteria);
  await tx.delete(risks).where(eq(risks.systemId, systemId));
  if (report.risks.length > 0) {
    await tx.insert(risks).values(
      report.risks.map((risk, index) => ({
        riskKey: `${systemId}#${index}`,
        systemId,
        team: risk.team,
        kind: risk.kind,
        rank: risk.rank,
        risk,
      })),
    );
  }
  return changes;
}

/** All current system reports (the input of team and org rollups). */
export async function loadSystemReports(db: Queryable): Promise<SystemReport[]> {
  const rows = await db
    .select({ report: systemReports.report })
    .from(systemReports)
    .orderBy(systemReports.systemId);
  return rows.map((row) => row.report as SystemReport);
}

/** Replaces the team and org rollups and the team-level risks in one go. */
export async function replaceRollups(
  tx: Transaction,
  input: { asOf: string; teams: TeamRollup[]; org: OrgRollup },
): Promise<void> {
  await tx.delete(rollups);
  const rows = [
    {
      scope: "org",
      team: null,
      systemCount: input.teams.reduce((sum, team) => sum + team.systemCount, 0),
      tracks: input.org.tracks,
      trackGap: input.org.trackGap,
      asOf: input.asOf,
    },
    ...input.teams.map((team) => ({
      scope: `team:${team.team}`,
      team: team.team,
      systemCount: team.systemCount,
      tracks: team.tracks,
      trackGap: team.trackGap,
      asOf: input.asOf,
    })),
  ];
  await tx.insert(rollups).values(rows);
  await tx.delete(risks).where(isNull(risks.systemId));
  const teamRisks: Risk[] = input.org.risks.filter(
    (risk) => risk.systemId === undefined || risk.systemId === null,
  );
  if (teamRisks.length > 0) {
    await tx.insert(risks).values(
      teamRisks.map((risk, index) => ({
        riskKey: `team:${risk.team}#${index}`,
        systemId: null,
        team: risk.team,
        kind: risk.kind,
        rank: risk.rank,
        risk,
      })),
    );
  }
}

export async function recordRescoreTick(tx: Transaction, at: string): Promise<void> {
  await tx.insert(rescoreTicks).values({ at }).onConflictDoNothing();
}
