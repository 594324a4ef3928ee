import { eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "../client.ts";
import { alertOrgState, alertRulesInForce } from "../schema/alert-state.ts";
import { fromJsonb } from "./jsonb.ts";
import { toIsoTime } from "./time.ts";

type Queryable = Database | Transaction;

const scope = "org";

export interface StoredAlertRules {
  /** The rules (as the event carried them), or null: the alerts file's rules are in force. */
  rules: unknown[] | null;
  eventId: string;
  changedAt: string;
  actor: string;
}

/**
 * Records an alerts.rules.changed event; applying it twice, or after a later change, changes
 * nothing (the latest by time, then id, wins), so redelivery and reordering are harmless.
 */
export async function saveAlertRules(tx: Transaction, change: StoredAlertRules): Promise<void> {
  const row = { scope, ...change, rules: change.rules };
  await tx
    .insert(alertRulesInForce)
    .values(row)
    .onConflictDoUpdate({
      target: alertRulesInForce.scope,
      set: { rules: row.rules, eventId: row.eventId, changedAt: row.changedAt, actor: row.actor },
      setWhere: sql`(${alertRulesInForce.changedAt}, ${alertRulesInForce.eventId}) < (${row.changedAt}::timestamptz, ${row.eventId})`,
    });
}

/** The rules an admin put in force in the portal, or null when none ever was. */
export async function loadAlertRules(db: Queryable): Promise<StoredAlertRules | null> {
  const [row] = await db.select().from(alertRulesInForce).where(eq(alertRulesInForce.scope, scope));
  if (row === undefined) return null;
  return {
    rules: row.rules === null ? null : fromJsonb<unknown[] | null>(row.rules),
    eventId: row.eventId,
    changedAt: toIsoTime(row.changedAt),
    actor: row.actor,
  };
}

/** What the organisation-wide alert rules last decided on, or null before the first decision. */
export async function loadAlertOrgState(db: Queryable): Promise<{ asOf: string; snapshot: unknown } | null> {
  const [row] = await db.select().from(alertOrgState).where(eq(alertOrgState.scope, scope));
  return row === undefined ? null : { asOf: toIsoTime(row.asOf), snapshot: fromJsonb<unknown>(row.snapshot) };
}

/** Replaces it; call it in the transaction that enqueues what was decided against the old one. */
export async function saveAlertOrgState(tx: Transaction, asOf: string, snapshot: unknown): Promise<void> {
  await tx
    .insert(alertOrgState)
    .values({ scope, asOf, snapshot })
    .onConflictDoUpdate({ target: alertOrgState.scope, set: { asOf, snapshot } });
}
