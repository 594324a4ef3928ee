import { and, asc, desc, eq, inArray, lte, notInArray, sql } from "drizzle-orm";
import type { Database, Transaction } from "../client.ts";
import { alertOutbox } from "../schema/alert-outbox.ts";
import { rowsOf } from "./rows-of.ts";
import { toIsoTime } from "./time.ts";

export const alertMessageStatuses = ["pending", "delivered", "dead"] as const;
export type AlertMessageStatus = (typeof alertMessageStatuses)[number];

export interface NewAlertMessage {
  /** The webhook-id: the same at every attempt. */
  messageId: string;
  destination: string;
  message: unknown;
  /** ISO time from which it may be sent (after quiet hours). */
  sendAt: string;
}

export interface AlertMessageRow {
  messageId: string;
  destination: string;
  message: unknown;
  status: AlertMessageStatus;
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/**
 * Writes decided messages; call it in the transaction that commits the score change that decided
 * them. A message already there (a redelivered batch decides the same ids) is left as it is.
 */
export async function enqueueAlertMessages(
  tx: Database | Transaction,
  messages: readonly NewAlertMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  await tx
    .insert(alertOutbox)
    .values(
      messages.map((message) => ({
        messageId: message.messageId,
        destination: message.destination,
        message: message.message,
        nextAttemptAt: message.sendAt,
      })),
    )
    .onConflictDoNothing({ target: alertOutbox.messageId });
}

/**
 * Takes the oldest pending message whose time has come, for one attempt: its next attempt moves
 * to `leaseUntil`, so another sender (another worker) passes it over while this one tries, and
 * takes it up after the lease should this one die before recording the outcome. Rows another
 * sender is taking at the same moment are skipped, not waited for.
 */
export async function claimDueAlertMessage(
  db: Database,
  now: string,
  leaseUntil: string,
  /** Messages this sender already tried in this round: one attempt each per round. */
  exclude: readonly string[] = [],
): Promise<AlertMessageRow | undefined> {
  const due = db
    .select({ messageId: alertOutbox.messageId })
    .from(alertOutbox)
    .where(
      and(
        eq(alertOutbox.status, "pending"),
        lte(alertOutbox.nextAttemptAt, now),
        exclude.length === 0 ? undefined : notInArray(alertOutbox.messageId, [...exclude]),
      ),
    )
    .orderBy(asc(alertOutbox.nextAttemptAt), asc(alertOutbox.messageId))
    .limit(1)
    .for("update", { skipLocked: true });
  const [row] = await db
    .update(alertOutbox)
    .set({ nextAttemptAt: leaseUntil })
    .where(inArray(alertOutbox.messageId, due))
    .returning();
  return row === undefined ? undefined : rowOf(row);
}

/** What one attempt came to: delivered, to be tried again at a time, or given up (dead). */
export type AttemptOutcome =
  | { kind: "delivered"; at: string; status: number }
  | { kind: "retry"; at: string; nextAttemptAt: string; status?: number; error: string }
  | { kind: "dead"; at: string; status?: number; error: string };

/**
 * Records an attempt on a pending message. Answers false when the message was no longer pending
 * (another sender finished it first), so a caller never counts an attempt twice.
 */
export async function recordAlertAttempt(
  db: Database,
  messageId: string,
  outcome: AttemptOutcome,
): Promise<boolean> {
  const common = {
    attempts: sql`${alertOutbox.attempts} + 1`,
    lastStatus: "status" in outcome && outcome.status !== undefined ? outcome.status : null,
  };
  const change =
    outcome.kind === "delivered"
      ? { ...common, status: "delivered", lastError: null, finishedAt: outcome.at }
      : outcome.kind === "retry"
        ? { ...common, lastError: outcome.error, nextAttemptAt: outcome.nextAttemptAt }
        : { ...common, status: "dead", lastError: outcome.error, finishedAt: outcome.at };
  const updated = await db
    .update(alertOutbox)
    .set(change)
    .where(and(eq(alertOutbox.messageId, messageId), eq(alertOutbox.status, "pending")))
    .returning({ messageId: alertOutbox.messageId });
  return updated.length > 0;
}

/**
 * Puts a dead message back to pending, to be tried from its first attempt at `at` (the admin's
 * re-drive, applied from its alerts.delivery.redriven event). Answers false when the message is
 * unknown or not dead (a redelivered re-drive of one already under way changes nothing).
 */
export async function redriveAlertMessage(
  tx: Database | Transaction,
  messageId: string,
  redrive: { at: string; actor: string },
): Promise<boolean> {
  const updated = await tx
    .update(alertOutbox)
    .set({
      status: "pending",
      attempts: 0,
      nextAttemptAt: redrive.at,
      lastError: `re-driven by ${redrive.actor}`,
      finishedAt: null,
    })
    .where(and(eq(alertOutbox.messageId, messageId), eq(alertOutbox.status, "dead")))
    .returning({ messageId: alertOutbox.messageId });
  return updated.length > 0;
}

/** The delivery log, newest first: what the admin page lists. */
export async function listAlertMessages(
  db: Database,
  options: { status?: AlertMessageStatus; limit?: number } = {},
): Promise<AlertMessageRow[]> {
  const rows = await db
    .select()
    .from(alertOutbox)
    .where(options.status === undefined ? undefined : eq(alertOutbox.status, options.status))
    .orderBy(desc(alertOutbox.createdAt), desc(alertOutbox.messageId))
    .limit(options.limit ?? 100);
  return rows.map(rowOf);
}

/** Messages by status, every status present (zero when none): for /metrics. */
export async function countAlertMessages(db: Database): Promise<Record<AlertMessageStatus, number>> {
  const rows = rowsOf<{ status: string; count: number | string }>(
    await db.execute(sql`select status, count(*)::int as count from ${alertOutbox} group by status`),
  );
  const counts = Object.fromEntries(alertMessageStatuses.map((status) => [status, 0])) as Record<
    AlertMessageStatus,
    number
  >;
  for (const row of rows)
    if ((alertMessageStatuses as readonly string[]).includes(row.status))
      counts[row.status as AlertMessageStatus] = Number(row.count);
  return counts;
}

function rowOf(row: typeof alertOutbox.$inferSelect): AlertMessageRow {
  return {
    ...row,
    status: row.status as AlertMessageStatus,
    nextAttemptAt: toIsoTime(row.nextAttemptAt),
    createdAt: toIsoTime(row.createdAt),
    finishedAt: row.finishedAt === null ? null : toIsoTime(row.finishedAt),
  };
}
