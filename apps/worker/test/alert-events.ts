// What the alert suites send and read: events built the way senders build them (parsed, so the
// model's defaults apply) and the outbox's alerts flattened for assertions. Secrets and alerts
// files come from @maturity/alerts/testing.
import type { AlertMessage, AlertRuleInput } from "@maturity/alerts";
import type { AlertMessageRow } from "@maturity/db";
import type { Campaign, RiskTier, SystemKind } from "@maturity/model";
import { eventBuilder } from "@maturity/model/testing";

export interface SystemShape {
  name?: string;
  team: string;
  kind: SystemKind;
  riskTier: RiskTier;
}

/** Builds events with ids unique to `prefix`, in the order they are made. */
export function alertEvents(prefix: string) {
  const event = eventBuilder(prefix, { source: "urn:maturity:test:alerts", idDigits: 3 });
  return {
    registered: (systemId: string, shape: SystemShape, time: string) =>
      event("catalog.system.registered", systemId, time, {
        name: shape.name ?? `System ${systemId}`,
        team: shape.team,
        kind: shape.kind,
        riskTier: shape.riskTier,
      }),
    /** governance.l2.named-owner (state evidence). */
    ownerAssigned: (systemId: string, time: string) =>
      event("gov.owner.assigned", systemId, time, { owner: "jane.doe" }),
    /** governance.l3.audit-trail (activity evidence: it ages out of the window). */
    changeReviewed: (systemId: string, time: string) =>
      event("gov.change.reviewed", systemId, time, {
        changeRef: `${systemId}#${event.made() + 1}`,
        reviewer: "sam.lee",
        approved: true,
      }),
    waiverGranted: (systemId: string, criterionId: string, time: string, expiresAt: string) =>
      event("gov.waiver.granted", systemId, time, {
        criterionId,
        reason: "A test waiver",
        approver: "head-of-model-risk@acme.example",
        expiresAt,
      }),
    waiverRevoked: (systemId: string, criterionId: string, time: string) =>
      event("gov.waiver.revoked", systemId, time, { criterionId }),
    /** An admin's rules from the portal; null puts the alerts file's back. */
    rulesChanged: (rules: AlertRuleInput[] | null, time: string) =>
      event("alerts.rules.changed", "alerts", time, { actor: "admin@acme.example", rules }),
    /** An admin's campaign definition. */
    campaignDefined: (campaign: Campaign, time: string) =>
      event("campaign.defined", "campaigns", time, { actor: "cto@acme.example", campaign }),
    /** An admin's re-drive of a dead message. */
    redriven: (messageId: string, time: string) =>
      event("alerts.delivery.redriven", "alerts", time, { actor: "admin@acme.example", messageId }),
  };
}

/** One alert of an outbox row, as the assertions read it. */
export interface OutboxAlert {
  messageId: string;
  destination: string;
  kind: string;
  ruleId: string;
  /** The system's id, `team:<name>` or `org`. */
  subject: string;
  change: Record<string, unknown>;
}

/** Every alert in these outbox rows, oldest row first (rows of one transaction by message id). */
export function outboxAlerts(rows: readonly AlertMessageRow[]): OutboxAlert[] {
  return [...rows]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.messageId.localeCompare(b.messageId))
    .flatMap((row) =>
      (row.message as AlertMessage).alerts.map((alert) => ({
        messageId: row.messageId,
        destination: row.destination,
        kind: alert.kind,
        ruleId: alert.ruleId,
        subject:
          alert.subject.type === "system"
            ? alert.subject.systemId
            : alert.subject.type === "team"
              ? `team:${alert.subject.team}`
              : "org",
        change: alert.change as unknown as Record<string, unknown>,
      })),
    );
}
