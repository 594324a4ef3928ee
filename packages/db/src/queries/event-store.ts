import type { MaturityEvent } from "@maturity/model";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "../client.ts";
import { events } from "../schema/events.ts";
import { toIsoTime } from "./time.ts";

type Queryable = Database | Transaction;

/**
 * Appends events to the store, ignoring any already stored under the same (source, id).
 * Returns only the events that were new, so callers fold each event into projections once.
 */
export async function insertNewEvents(
  tx: Queryable,
  batch: readonly MaturityEvent[],
): Promise<MaturityEvent[]> {
  const unique = new Map<string, MaturityEvent>();
  for (const event of batch) unique.set(eventKey(event.source, event.id), event);
  if (unique.size === 0) return [];
  const inserted = await tx
    .insert(events)
    .values(
      [...unique.values()].map((event) => ({
        source: event.source,
        eventId: event.id,
        type: event.type,
        systemId: event.subject,
        time: event.time,
        payload: event,
      })),
    )
    .onConflictDoNothing({ target: [events.source, events.eventId] })
    .returning({ source: events.source, eventId: events.eventId });
  return inserted.map((row) => unique.get(eventKey(row.source, row.eventId))!);
}

function eventKey(source: string, id: string): string {
  return `${source}\u0000${id}`;
}

export interface StoredEvent {
  seq: number;
  source: string;
  eventId: string;
  type: string;
  systemId: string;
  time: string;
  payload: unknown;
}

/** The most recent events by event time, optionally for one system. */
export async function latestEvents(
  db: Queryable,
  options: { systemId?: string; limit: number },
): Promise<StoredEvent[]> {
  const rows = await db
    .select({
      seq: events.seq,
      source: events.source,
      eventId: events.eventId,
      type: events.type,
      systemId: events.systemId,
      time: events.time,
      payload: events.payload,
    })
    .from(events)
    .where(options.systemId === undefined ? undefined : eq(events.systemId, options.systemId))
    .orderBy(desc(events.time), desc(events.seq))
    .limit(options.limit);
  return rows.map((row) => ({ ...row, time: toIsoTime(row.time) }));
}

/** How many stored events carry this (source, id): 0 or 1, by the unique key. */
export async function countEvents(
  db: Queryable,
  filter: { source?: string; eventId?: string } = {},
): Promise<number> {
  const conditions = [
    filter.source === undefined ? undefined : eq(events.source, filter.source),
    filter.eventId === undefined ? undefined : eq(events.eventId, filter.eventId),
  ];
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(events)
    .where(and(...conditions));
  return row?.count ?? 0;
}
