import { bigint, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Read model: one row per system seen in the event stream, with its catalogue entry (when one
 * was registered) and the time of its latest event.
 */
export const systems = pgTable("systems", {
  systemId: text().primaryKey(),
  name: text(),
  team: text(),
  kind: text(),
  riskTier: text(),
  eventCount: bigint({ mode: "number" }).notNull().default(0),
  latestEventAt: timestamp({ withTimezone: true, mode: "string" }).notNull(),
  retiredAt: timestamp({ withTimezone: true, mode: "string" }),
});
