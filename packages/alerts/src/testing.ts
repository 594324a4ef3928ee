// Test support (@maturity/alerts/testing): nothing that ships imports it. Standard Webhooks
// secrets, an alerts file read the way the processes read MATURITY_ALERTS, and one decided alert
// (a high-risk system's evaluation dropping a level) in a message as the outbox queues it.
import { randomBytes } from "node:crypto";
import type { Alert } from "./alert.ts";
import { parseAlertsText } from "./alerts-file.ts";
import type { AlertsConfig } from "./file-checks.ts";
import { formatAlertsFileErrors } from "./file-errors.ts";
import type { AlertMessage } from "./group.ts";

/** A fresh Standard Webhooks secret (`whsec_` and the base64 of 32 random bytes). */
export function webhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** An alerts file's text, checked the way MATURITY_ALERTS is; its `${NAME}` credentials from `secrets`. */
export function alertsConfig(
  text: string,
  secrets: Record<string, string>,
  file = "alerts.yaml",
): AlertsConfig {
  const parsed = parseAlertsText(text, file, { secrets: (name) => secrets[name] });
  if (!parsed.ok)
    throw new Error(`the test's alerts file is refused:\n${formatAlertsFileErrors(parsed.errors)}`);
  return parsed.value;
}

/** Fraud scoring (team risk, classical, high risk) dropped from level 3 to 2 on evaluation. */
export function testAlert(overrides: Partial<Pick<Alert, "id" | "destinations" | "decidedAt">> = {}): Alert {
  return {
    id: "alert_test_0001",
    ruleId: "high-risk-level-drop",
    kind: "level_dropped",
    destinations: ["governance-hook"],
    subject: {
      type: "system",
      systemId: "fraud-scoring",
      name: "Fraud scoring",
      team: "risk",
      kind: "classical",
      riskTier: "high",
    },
    change: {
      axis: "evaluation",
      before: 3,
      after: 2,
      criteria: [{ id: "evaluation.l3.regression-suite-gated", before: "met", after: "unmet" }],
    },
    evidence: ["eval-0001"],
    summary: "Fraud scoring dropped from level 3 to 2 on evaluation",
    decidedAt: "2026-12-01T10:00:00.000Z",
    ...overrides,
  };
}

/** The test alert alone in message `id` to `destination`, due when it was decided. */
export function testMessage(
  id: string,
  destination: string,
  decidedAt = testAlert().decidedAt,
): AlertMessage {
  return {
    id,
    destination,
    sendAt: decidedAt,
    alerts: [testAlert({ id: `alert_${id}`, destinations: [destination], decidedAt })],
  };
}

/** A message as the outbox queues it (enqueueAlertMessages), due at `sendAt` (its own unless told). */
export function queuedMessage(message: AlertMessage, sendAt = message.sendAt) {
  return { messageId: message.id, destination: message.destination, message, sendAt };
}
