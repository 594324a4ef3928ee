// The admins' alerting actions, applied from their events in the batch's transaction: a change of
// the rules in force, and a dead message put back to be sent. Both are idempotent, so a
// redelivered batch changes nothing more.
import type { Transaction } from "@maturity/db";
import { redriveAlertMessage, saveAlertRules } from "@maturity/db";
import type { MaturityEvent } from "@maturity/model";

export async function applyAlertAdminEvents(
  tx: Transaction,
  fresh: readonly MaturityEvent[],
  now: number,
): Promise<void> {
  for (const event of fresh) {
    if (event.type === "alerts.rules.changed")
      await saveAlertRules(tx, {
        rules: event.data.rules,
        eventId: event.id,
        changedAt: event.time,
        actor: event.data.actor,
      });
    else if (event.type === "alerts.delivery.redriven")
      await redriveAlertMessage(tx, event.data.messageId, {
        at: new Date(now).toISOString(),
        actor: event.data.actor,
      });
  }
}
