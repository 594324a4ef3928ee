// The alerts of one decision (a batch, or a periodic re-score) become one message per destination:
// ten systems dropping at once is one Slack post and one webhook delivery, not ten. Messages
// held by quiet hours can be merged with later ones due at the same time (mergeMessages).
import type { Alert } from "./alert.ts";
import { messageId } from "./alert-id.ts";
import type { QuietHours } from "./alerts-schema.ts";
import { quietHoursEnd } from "./quiet-hours.ts";
import { compare } from "./rules/context.ts";

export interface AlertMessage {
  /** Deterministic from the destination and the alerts: the `webhook-id`, the same on every retry. */
  id: string;
  destination: string;
  /** In decision order. */
  alerts: Alert[];
  /** When to send it (ISO 8601): now, or when the destination's quiet hours end. */
  sendAt: string;
}

export interface GroupOptions {
  now: Date;
  quietHours?: QuietHours | undefined;
}

/** One message per destination named by the alerts' rules, destinations in name order. */
export function groupAlerts(alerts: readonly Alert[], { now, quietHours }: GroupOptions): AlertMessage[] {
  const byDestination = new Map<string, Alert[]>();
  for (const alert of alerts)
    for (const destination of alert.destinations) {
      const held = byDestination.get(destination) ?? [];
      // Two rules may raise the same alert id only by naming the same change twice: send it once.
      if (!held.some((a) => a.id === alert.id)) held.push(alert);
      byDestination.set(destination, held);
    }
  return [...byDestination]
    .sort(([a], [b]) => compare(a, b))
    .map(([destination, held]) => message(destination, held, sendAt(destination, now, quietHours)));
}

/** Messages for the same destination due at the same time, as one (e.g. several held overnight); the soonest first. */
export function mergeMessages(messages: readonly AlertMessage[]): AlertMessage[] {
  const merged = new Map<string, { destination: string; sendAt: string; alerts: Alert[] }>();
  for (const m of messages) {
    const key = JSON.stringify([m.destination, m.sendAt]);
    const into = merged.get(key) ?? { destination: m.destination, sendAt: m.sendAt, alerts: [] };
    for (const alert of m.alerts) if (!into.alerts.some((a) => a.id === alert.id)) into.alerts.push(alert);
    merged.set(key, into);
  }
  return [...merged.values()]
    .sort((a, b) => compare(a.sendAt, b.sendAt) || compare(a.destination, b.destination))
    .map((m) => message(m.destination, m.alerts, m.sendAt));
}

function message(destination: string, alerts: Alert[], sendAt: string): AlertMessage {
  return {
    id: messageId(
      destination,
      alerts.map((a) => a.id),
    ),
    destination,
    alerts,
    sendAt,
  };
}

function sendAt(destination: string, now: Date, quietHours: QuietHours | undefined): string {
  const applies = quietHours !== undefined && (quietHours.destinations?.includes(destination) ?? true);
  return ((applies ? quietHoursEnd(now, quietHours) : undefined) ?? now).toISOString();
}
