import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const timestamptz = () => timestamp({ withTimezone: true, mode: "string" });

/**
 * Alert messages waiting to be sent, and what became of them. A message is written in the same
 * transaction as the score change that decided it, so none is sent for a change that did not
 * commit and none is lost when a process dies; a sender drains the table. The message id is the
 * `webhook-id` the receiver dedupes on: the same at every attempt.
 */
export const alertOutbox = pgTable(
  "alert_outbox",
  {
    messageId: text().primaryKey(),
    /** The destination's name in the alerts file. */
    destination: text().notNull(),
    /** The message as decided (its alerts); rendered and signed anew at each attempt. */
    message: jsonb().notNull(),
    /** pending | delivered | dead */
    status: text().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    /** When it may be sent next: its send time (after quiet hours), then each retry's. */
    nextAttemptAt: timestamptz().notNull(),
    /** The receiver's last HTTP status, and the last failure in words. */
    lastStatus: integer(),
    lastError: text(),
    createdAt: timestamptz()
      .notNull()
      .default(sql`now()`),
    /** When it was delivered or declared dead. */
    finishedAt: timestamptz(),
  },
  (table) => [index("alert_outbox_due_idx").on(table.status, table.nextAttemptAt)],
);
