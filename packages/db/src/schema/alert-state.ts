import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const timestamptz = () => timestamp({ withTimezone: true, mode: "string" });

/**
 * The alert rules an admin put in force in the portal (alerts.rules.changed), one row. Without a
 * row, or with `rules` null, the alerts file's rules are in force. Kept beside the outbox rather
 * than among the projections: a replay of the projections leaves it as it is.
 */
export const alertRulesInForce = pgTable("alert_rules_in_force", {
  scope: text().primaryKey(),
  /** The rules as the event carried them (defaults applied), or null: the file's rules. */
  rules: jsonb(),
  eventId: text().notNull(),
  changedAt: timestamptz().notNull(),
  actor: text().notNull(),
});

/**
 * What the organisation-wide alert rules last decided on: the ranked risks and the track gaps
 * (with their recent history) as of the last rollup. The next rollup compares with it, in the same
 * transaction that writes its alerts to the outbox and replaces it.
 */
export const alertOrgState = pgTable("alert_org_state", {
  scope: text().primaryKey(),
  asOf: timestamptz().notNull(),
  /** An AlertSnapshot without its systems (see @maturity/alerts). */
  snapshot: jsonb().notNull(),
});
