// The policy in force: one row of plain data (packages/policy turns its document into a rubric),
// written by the worker when it applies a policy.activated event, and by replay.
import type { EventOf } from "@maturity/model";
import { policySubject } from "@maturity/model";
import { desc, eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "../client.ts";
import { events } from "../schema/events.ts";
import { activePolicy } from "../schema/projections.ts";
import { toIsoTime } from "./time.ts";

type Queryable = Database | Transaction;

/** The one row's key: the policy is the organisation's. */
const scope = "org";

export type ActivePolicyRow = typeof activePolicy.$inferSelect;

/** What the stored policy says, and which activation put it in force. */
export type StoredPolicy = Omit<ActivePolicyRow, "scope">;

/**
 * The row a policy.activated event puts in force: one definition for the worker and replay.
 * `resolved`: what packages/policy made of its document (the event's own claims are not trusted).
 */
export function activePolicyRow(
  event: EventOf<"policy.activated">,
  resolved: { name: string; version: number | string; contentHash: string; rubricVersion: string },
): ActivePolicyRow {
  const { document, actor } = event.data;
  const { name, version, contentHash, rubricVersion } = resolved;
  return {
    scope,
    name,
    version: String(version),
    rubricVersion,
    contentHash,
    document,
    activatedAt: event.time,
    eventId: event.id,
    actor,
  };
}

/** The policy in force, or null while none was activated (the built-in rubric is). */
export async function loadPolicyInForce(db: Queryable): Promise<StoredPolicy | null> {
  const [row] = await db.select().from(activePolicy).where(eq(activePolicy.scope, scope));
  if (row === undefined) return null;
  const { scope: _scope, ...stored } = row;
  return { ...stored, activatedAt: toIsoTime(stored.activatedAt) };
}

/** Just the content hash of the policy in force (null: the built-in): cheap enough for every batch. */
export async function policyInForceHash(db: Queryable): Promise<string | null> {
  const [row] = await db
    .select({ contentHash: activePolicy.contentHash })
    .from(activePolicy)
    .where(eq(activePolicy.scope, scope));
  return row?.contentHash ?? null;
}

export async function savePolicyInForce(tx: Transaction, row: ActivePolicyRow): Promise<void> {
  const { scope: _scope, ...rest } = row;
  await tx.insert(activePolicy).values(row).onConflictDoUpdate({ target: activePolicy.scope, set: rest });
}

/**
 * Every transaction that scores takes this lock shared before it reads the policy in force (and
 * before any row lock); applying an activation takes it exclusively. An activation so waits for
 * the batches scoring under the old policy to commit, and every batch after it sees the new one:
 * no system keeps a report of the old rubric after the re-score of every system.
 */
export async function lockPolicy(tx: Transaction, mode: "read" | "write"): Promise<void> {
  await tx.execute(
    mode === "read"
      ? sql`select pg_advisory_xact_lock_shared(7422005)`
      : sql`select pg_advisory_xact_lock(7422005)`,
  );
}

/**
 * The latest policy.activated event at or before `asOf` (ISO time), or null when none was: the
 * policy a point-in-time view scores under. Found by the events' (system, time) index, the
 * activation's subject being its system id.
 */
export async function policyActivationAsOf(
  db: Queryable,
  asOf: string,
): Promise<EventOf<"policy.activated"> | null> {
  const [row] = await db
    .select({ payload: events.payload })
    .from(events)
    .where(
      sql`${events.systemId} = ${policySubject} and ${events.type} = 'policy.activated' and ${events.time} <= ${asOf}`,
    )
    .orderBy(desc(events.time), desc(events.seq))
    .limit(1);
  if (row === undefined) return null;
  const payload = typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload;
  return payload as EventOf<"policy.activated">;
}
