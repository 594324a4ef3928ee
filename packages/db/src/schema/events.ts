import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * The event store: every accepted CloudEvent, append-only. (source, event_id) is the CloudEvents
 * identity, so a redelivered event is ignored rather than stored twice.
 */
export const events = pgTable(
  "events",
  {
    seq: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    source: text().notNull(),
    eventId: text().notNull(),
    type: text().notNull(),
    systemId: text().notNull(),
    time: timestamp({ withTimezone: true, mode: "string" }).notNull(),
    /** The whole CloudEvent as received, extra attributes included. */
    payload: jsonb().notNull(),
    storedAt: timestamp({ withTimezone: true, mode: "string" })
      .notNull()
      .default(sql`now()`),
  },
  (table) => [
    uniqueIndex("events_source_event_id_key").on(table.source, table.eventId),
    index("events_system_time_idx").on(table.systemId, table.time),
  ],
);
