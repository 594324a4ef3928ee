// What an audit pack of one system reads from the store (packages/audit's writeAuditPack): its
// chained events with their stored hashes in chain order, then its telemetry, the events of the
// native ids mapped to it and every GPU queue's configuration, each a page at a time so a system
// of any size streams; its score history; and the system ids, to suggest one when a name is wrong.
import type { MaturityEvent } from "@maturity/model";
import { unmappedSubject } from "@maturity/model";
import { asc, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client.ts";
import { liveProjections, queueFacts, sourceMappings } from "../schema/projections.ts";
import { fromJsonb } from "./jsonb.ts";
import { pgArrayLiteral } from "./pg-array.ts";
import { systemHistory, type HistoryPoint } from "./portal.ts";
import { rowsOf } from "./rows-of.ts";

export interface StoredAuditEvent {
  event: MaturityEvent;
  /** The event's link in the system's hash chain, as stored; absent for events outside it. */
  hash?: string;
}

/** Shaped as packages/audit's AuditSource. */
export interface StoredAuditSource {
  systemId: string;
  nativeIds: string[];
  /** The store holds each (source, id) once. */
  distinct: true;
  events(): AsyncGenerator<StoredAuditEvent>;
  history(): Promise<HistoryPoint[]>;
}

const defaultPageSize = 5_000;

/**
 * The system's events as of `asOf` (ISO time), a fresh pass each call: its chain up to its last
 * link at or before asOf (so the chain re-verifies; later links in it are included), then its
 * telemetry, its native ids' events and the GPU queue configurations at or before asOf.
 */
export async function storedAuditSource(
  db: Database,
  systemId: string,
  options: { asOf: string; pageSize?: number },
): Promise<StoredAuditSource> {
  const { asOf } = options;
  const pageSize = options.pageSize ?? defaultPageSize;
  const nativeIds = (
    await db
      .select({ ref: sourceMappings.ref })
      .from(sourceMappings)
      .where(eq(sourceMappings.systemId, systemId))
      .orderBy(asc(sourceMappings.ref))
  ).map((row) => row.ref);
  const queues = (await db.select({ queue: queueFacts.queue }).from(queueFacts)).map((row) => row.queue);
  const chainLength = (await storedChainHeadAsOf(db, systemId, asOf))?.systemSeq ?? 0;

  return {
    systemId,
    nativeIds,
    distinct: true,
    async *events() {
      yield* chainPages(db, systemId, chainLength, pageSize);
      yield* telemetryPages(db, systemId, asOf, pageSize);
      for (const subject of nativeIds.map((ref) => unmappedSubject(ref))) {
        yield* pages(db, pageSize, (after) => {
          const seq = after === null ? 0 : Number(after.system_seq);
          return sql`select payload, system_seq from events
            where system_id = ${subject} and system_seq > ${seq} and time <= ${asOf}::timestamptz
            order by system_seq limit ${pageSize}`;
        });
        yield* telemetryPages(db, subject, asOf, pageSize);
      }
      if (queues.length > 0) {
        const queueSubjects = pgArrayLiteral(queues);
        yield* pages(db, pageSize, (after) => {
          const from = after === null ? sql`true` : sql`seq > ${after.seq}`;
          return sql`select payload, seq from events
            where system_id = any(${queueSubjects}::text[]) and type = 'gpu.queue.configured'
              and time <= ${asOf}::timestamptz and ${from}
            order by seq limit ${pageSize}`;
        });
      }
    },
    async history() {
      const limit = Date.parse(asOf);
      return (await systemHistory(db, systemId)).filter((point) => Date.parse(point.at) <= limit);
    },
  };
}

type Row = Record<string, unknown> & { payload: unknown; hash?: string };

/**
 * Runs `page` with the last row of the previous page (null at first) until a page comes back
 * short. The next page is asked for before this one is handed on, so the server works on it while
 * the caller works through this one.
 */
async function* pages(
  db: Database,
  pageSize: number,
  page: (after: Row | null) => SQL,
): AsyncGenerator<StoredAuditEvent> {
  const fetch = async (after: Row | null) => rowsOf<Row>(await db.execute(page(after)));
  let next: Promise<Row[]> | null = fetch(null);
  try {
    while (next !== null) {
      const rows: Row[] = await next;
      next = rows.length < pageSize ? null : fetch(rows[rows.length - 1]!);
      for (const row of rows) {
        const event = fromJsonb<MaturityEvent>(row.payload);
        yield typeof row.hash === "string" ? { event, hash: row.hash } : { event };
      }
    }
  } finally {
    // A caller that stops early leaves the page asked for ahead: its failure is nobody's now.
    next?.catch(() => undefined);
  }
}

/** The subject's chain, links 1 to `length`, with their stored hashes. */
function chainPages(db: Database, subject: string, length: number, pageSize: number) {
  return pages(db, pageSize, (after) => {
    const seq = after === null ? 0 : Number(after.system_seq);
    return sql`select payload, hash, system_seq from events
      where system_id = ${subject} and system_seq > ${seq} and system_seq <= ${length}
      order by system_seq limit ${pageSize}`;
  });
}

/**
 * The subject's telemetry at or before asOf in (time, source, id) order, the table's identity. The
 * cursor is written so the (system, time) index bounds each page's scan: a page reads its own rows.
 */
function telemetryPages(db: Database, subject: string, asOf: string, pageSize: number) {
  return pages(db, pageSize, (after) => {
    // The cursor comes from the last event itself: time, source and id are the row's own columns.
    const last = after === null ? null : fromJsonb<MaturityEvent>(after.payload);
    const from =
      last === null
        ? sql`true`
        : sql`time >= ${last.time}::timestamptz and (time > ${last.time}::timestamptz or (source, event_id) > (${last.source}, ${last.id}))`;
    return sql`select payload from telemetry_events
      where system_id = ${subject} and time <= ${asOf}::timestamptz and ${from}
      order by time, source, event_id limit ${pageSize}`;
  });
}

/**
 * The system's chain as of `asOf`: its last stored link whose event time is at or before it (null
 * when none is). Its hash is what a pack as of asOf records as the chain's head.
 */
export async function storedChainHeadAsOf(
  db: Database,
  systemId: string,
  asOf: string,
): Promise<{ systemSeq: number; hash: string } | null> {
  const [row] = rowsOf<{ system_seq: number | string; hash: string }>(
    await db.execute(sql`select system_seq, hash from events
      where system_id = ${systemId} and time <= ${asOf}::timestamptz
      order by system_seq desc limit 1`),
  );
  return row === undefined ? null : { systemSeq: Number(row.system_seq), hash: row.hash };
}

/** Every system the store has seen (retired ones included), by id. */
export async function knownSystemIds(db: Database): Promise<string[]> {
  const { systems } = liveProjections;
  const rows = await db.select({ systemId: systems.systemId }).from(systems).orderBy(asc(systems.systemId));
  return rows.map((row) => row.systemId);
}
