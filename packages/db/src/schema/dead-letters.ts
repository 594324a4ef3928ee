import { sql } from "drizzle-orm";
import { bigint, customType, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const timestamptz = () => timestamp({ withTimezone: true, mode: "string" });

/** Raw bytes: a poison record may hold anything, a NUL included, which a text column refuses. */
const bytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Records from the event log that the worker could not apply: not valid events, or refused by the
 * database for a reason in their data. Each is parked once (by its log position) with the reason,
 * so the rest of its partition moves on; an admin re-drives it after a fix.
 */
export const deadLetters = pgTable(
  "dead_letters",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** Where the record sat in the log ("topic/partition@offset", "embedded@byte"). */
    position: text().notNull(),
    recordKey: text().notNull(),
    /** The record exactly as the log held it. */
    value: bytes().notNull(),
    /** invalid_event | not_json | database_refused | database_fault */
    reasonKind: text().notNull(),
    reason: text().notNull(),
    /** What could be read of the event (null when it is not one). */
    eventType: text(),
    eventSource: text(),
    eventId: text(),
    eventTime: text(),
    deadLetteredAt: timestamptz()
      .notNull()
      .default(sql`now()`),
    /** Set when an admin re-drove it (appended to the log again); who did it. */
    redrivenAt: timestamptz(),
    redrivenBy: text(),
  },
  (table) => [
    uniqueIndex("dead_letters_position_key").on(table.position),
    index("dead_letters_dead_lettered_at_idx").on(table.deadLetteredAt),
  ],
);
