import type { MaturityEvent } from "@maturity/model";
import { highVolumeEventTypes } from "@maturity/model";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { chainHash, genesisHash } from "@maturity/model/chain";
import type { Database, Transaction } from "../client.ts";
import { chainHeads, events, telemetryEvents } from "../schema/events.ts";
import { insertNewRows, insertRows, upsertRows } from "./bulk-insert.ts";
import { pgArrayLiteral } from "./pg-array.ts";
import { ensureTelemetryPartitions } from "./telemetry-partitions.ts";
import { toIsoTime } from "./time.ts";

type Queryable = Database | Transaction;

const highVolume = new Set<string>(highVolumeEventTypes);

export function isHighVolume(event: MaturityEvent): boolean {
  return highVolume.has(event.type);
}

/**
 * Appends events to the store, ignoring any already stored under the same (source, id), and
 * returns only the new ones, in batch order, so callers fold each event into projections once.
 * Must run inside the transaction that also updates the projections.
 */
export async function appendEvents(
  tx: Transaction,
  batch: readonly MaturityEvent[],
  appliedAt: string,
): Promise<MaturityEvent[]> {
  const unique = new Map<string, MaturityEvent>();
  for (const event of batch) if (!unique.has(eventKey(event))) unique.set(eventKey(event), event);
  const main: MaturityEvent[] = [];
  const telemetry: MaturityEvent[] = [];
  for (const event of unique.values()) (isHighVolume(event) ? telemetry : main).push(event);

  const fresh = new Set<string>();
  for (const key of await appendChained(tx, main, appliedAt)) fresh.add(key);
  for (const key of await appendTelemetry(tx, telemetry, appliedAt)) fresh.add(key);
  return [...unique.values()].filter((event) => fresh.has(eventKey(event)));
}

async function appendChained(tx: Transaction, main: MaturityEvent[], appliedAt: string): Promise<string[]> {
  if (main.length === 0) return [];
  const systemIds = [...new Set(main.map((event) => event.subject))].sort();
  // Lock the chain heads first (sorted, so two workers never deadlock): from here on no other
  // transaction can extend these chains or store these systems' events until we commit.
  await tx
    .insert(chainHeads)
    .values(systemIds.map((systemId) => ({ systemId, systemSeq: 0, hash: genesisHash })))
    .onConflictDoNothing();
  const heads = await tx
    .select()
    .from(chainHeads)
    .where(inArray(chainHeads.systemId, systemIds))
    .orderBy(chainHeads.systemId)
    .for("update");
  const stored = await storedKeys(tx, main);
  const fresh = main.filter((event) => !stored.has(eventKey(event)));
  if (fresh.length === 0) return [];

  const head = new Map(heads.map((row) => [row.systemId, { systemSeq: row.systemSeq, hash: row.hash }]));
  const rows = fresh.map((event) => {
    const previous = head.get(event.subject)!;
    const link = { systemSeq: previous.systemSeq + 1, hash: chainHash(previous.hash, event) };
    head.set(event.subject, link);
    return {
      ...storedColumns(event, appliedAt),
      systemSeq: link.systemSeq,
      hash: link.hash,
    };
  });
  await insertRows(tx, events, rows);
  const moved = [...new Set(fresh.map((event) => event.subject))].map((systemId) => ({
    systemId,
    ...head.get(systemId)!,
  }));
  await upsertRows(tx, chainHeads, moved, [chainHeads.systemId]);
  return fresh.map(eventKey);
}

async function storedKeys(tx: Transaction, batch: MaturityEvent[]): Promise<Set<string>> {
  // Two text arrays and an index join: one short statement for the whole batch.
  const sources = pgArrayLiteral(batch.map((event) => event.source));
  const ids = pgArrayLiteral(batch.map((event) => event.id));
  const rows = await tx
    .select({ source: events.source, eventId: events.eventId })
    .from(events)
    .where(
      sql`(${events.source}, ${events.eventId}) in (select * from unnest(${sources}::text[], ${ids}::text[]))`,
    );
  return new Set(rows.map((row) => eventKey({ source: row.source, id: row.eventId })));
}

async function appendTelemetry(
  tx: Transaction,
  telemetry: MaturityEvent[],
  appliedAt: string,
): Promise<string[]> {
  if (telemetry.length === 0) return [];
  await ensureTelemetryPartitions(
    tx,
    telemetry.map((event) => event.time),
  );
  const inserted = await insertNewRows<{ source: string; event_id: string }>(
    tx,
    telemetryEvents,
    telemetry.map((event) => storedColumns(event, appliedAt)),
    [telemetryEvents.source, telemetryEvents.eventId],
  );
  return inserted.map((row) => eventKey({ source: row.source, id: row.event_id }));
}

/** The columns every stored event has, in the main store and the telemetry table alike. */
function storedColumns(event: MaturityEvent, appliedAt: string) {
  return {
    source: event.source,
    eventId: event.id,
    type: event.type,
    systemId: event.subject,
    time: event.time,
    payload: event,
    appliedAt,
  };
}

function eventKey(event: { source: string; id: string }): string {
  return `${event.source}\u0000${event.id}`;
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

/** How many events (telemetry included) the store holds, optionally of one (source, id). */
export async function countEvents(
  db: Queryable,
  filter: { source?: string; eventId?: string } = {},
): Promise<number> {
  let total = 0;
  for (const table of [events, telemetryEvents]) {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(table)
      .where(
        and(
          filter.source === undefined ? undefined : eq(table.source, filter.source),
          filter.eventId === undefined ? undefined : eq(table.eventId, filter.eventId),
        ),
      );
    total += row?.count ?? 0;
  }
  return total;
}
