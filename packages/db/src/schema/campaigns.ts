import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const timestamptz = () => timestamp({ withTimezone: true, mode: "string" });

/**
 * Campaigns as their events left them (campaign.defined, campaign.closed): the latest definition
 * of each, and whether it is open. The events are the audit trail; this is what pages read. Kept
 * beside the outbox rather than among the projections: a replay of the projections leaves it.
 */
export const campaigns = pgTable("campaigns", {
  campaignId: text().primaryKey(),
  /** The campaign as the latest campaign.defined carried it. */
  definition: jsonb().notNull(),
  /** open | closed */
  status: text().notNull(),
  definedAt: timestamptz().notNull(),
  definedBy: text().notNull(),
  /** When it was first defined. */
  createdAt: timestamptz().notNull(),
  closedAt: timestamptz(),
  closedBy: text(),
  closeReason: text(),
  /** The latest event applied (time, then id, decides which is latest). */
  lastEventAt: timestamptz().notNull(),
  lastEventId: text().notNull(),
});
