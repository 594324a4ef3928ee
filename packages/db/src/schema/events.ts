import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const timestamptz = () => timestamp({ withTimezone: true, mode: "string" });

/**
 * The event store: every accepted CloudEvent except high-volume telemetry, append-only.
 * (source, event_id) is the CloudEvents identity, so a redelivered event is ignored. Each system's
 * events form a hash chain in the order they were stored (system_seq): a row's hash covers its
 * canonical form and the hash of the system's previous row (system_seq - 1, genesis for the
 * first), so an altered or removed row breaks the chain.
 */
export const events = pgTable(
  "events",
  {
    seq: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    source: text().notNull(),
    eventId: text().notNull(),
    type: text().notNull(),
    systemId: text().notNull(),
    time: timestamptz().notNull(),
    /** The whole CloudEvent as received, extra attributes included. */
    payload: jsonb().notNull(),
    storedAt: timestamptz()
      .notNull()
      .default(sql`now()`),
    /** The worker's clock for the batch that applied this event: replay re-runs with the same clock. */
    appliedAt: timestamptz().notNull(),
    /** Position in the system's chain, from 1. */
    systemSeq: bigint({ mode: "number" }).notNull(),
    hash: text().notNull(),
  },
  (table) => [
    uniqueIndex("events_source_event_id_key").on(table.source, table.eventId),
    uniqueIndex("events_system_seq_key").on(table.systemId, table.systemSeq),
    index("events_system_time_idx").on(table.systemId, table.time),
    index("events_applied_at_idx").on(table.appliedAt, table.seq),
    // GPU queue policies bear on every system that runs on the queue: a point-in-time view of one
    // system reads them all, which without this small index scans the whole store.
    index("events_gpu_queue_time_idx")
      .on(table.time)
      .where(sql`${table.type} = 'gpu.queue.configured'`),
  ],
);

/** The newest link of each system's chain; the next event of the system links to it. */
export const chainHeads = pgTable("chain_heads", {
  systemId: text().primaryKey(),
  systemSeq: bigint({ mode: "number" }).notNull(),
  hash: text().notNull(),
});

/**
 * High-volume telemetry (llm.call.completed, agent.run.completed), range-partitioned by month on
 * `time` (the migration declares the partitioning; drizzle-kit cannot). Old partitions are dropped
 * after the retention period; what scoring needs from them is kept in the facts and in the usage
 * rollups, which are permanent. The partition key must be part of any unique key, so identity here
 * is (source, event_id, time); a CloudEvent keeps its time across redeliveries, so this is the
 * same dedupe as the main store.
 */
export const telemetryEvents = pgTable(
  "telemetry_events",
  {
    source: text().notNull(),
    eventId: text().notNull(),
    type: text().notNull(),
    systemId: text().notNull(),
    time: timestamptz().notNull(),
    payload: jsonb().notNull(),
    appliedAt: timestamptz().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.source, table.eventId, table.time] }),
    index("telemetry_events_system_time_idx").on(table.systemId, table.time),
    index("telemetry_events_applied_at_idx").on(table.appliedAt),
  ],
);

/** Clock readings of the periodic re-scores, so replay re-runs them at the same instants. */
export const rescoreTicks = pgTable("rescore_ticks", {
  at: timestamptz().primaryKey(),
});

/**
 * Re-scores owed to every system (a GPU queue policy changed). Written in the batch's transaction
 * and deleted only once the re-score has finished, so a worker killed in between leaves the debt
 * for the next one instead of losing it.
 */
export const rescoreRequests = pgTable("rescore_requests", {
  id: bigserial({ mode: "number" }).primaryKey(),
  requestedAt: timestamptz().notNull(),
  reason: text().notNull(),
});
