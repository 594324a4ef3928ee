// Reads behind the alerts router: the rules in force with the change that put them there, and one
// outbox message's state. Which rules are in force is the worker's answer (rulesInForce), so the
// page shows exactly what the worker decides with.
import type { AlertRule, AlertsConfig } from "@maturity/alerts";
import type { AlertMessageStatus, Database, StoredAlertRules } from "@maturity/db";
import { eq, loadAlertRules } from "@maturity/db";
import { alertOutbox } from "@maturity/db/schema";
import { rulesInForce } from "@maturity/worker";

/** The rules in force and the latest portal change (null: none ever), read in one snapshot. */
export function loadRulesInForce(
  db: Database,
  alerts: AlertsConfig,
): Promise<{ rules: AlertRule[]; stored: StoredAlertRules | null }> {
  return db.transaction(async (tx) => {
    const stored = await loadAlertRules(tx);
    return { rules: await rulesInForce(tx, alerts), stored };
  });
}

/** A message's status and destination, or null when the outbox has no such message. */
export async function alertMessageState(
  db: Database,
  messageId: string,
): Promise<{ status: AlertMessageStatus; destination: string } | null> {
  const [row] = await db
    .select({ status: alertOutbox.status, destination: alertOutbox.destination })
    .from(alertOutbox)
    .where(eq(alertOutbox.messageId, messageId));
  return row === undefined
    ? null
    : { status: row.status as AlertMessageStatus, destination: row.destination };
}
