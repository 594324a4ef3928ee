import type { MaturityEvent } from "@maturity/model";
import { asc, inArray } from "drizzle-orm";
import type { Database, Transaction } from "../client.ts";
import { liveProjections } from "../schema/projections.ts";
import type { ProjectionTables } from "../schema/projections.ts";
import { upsertRows } from "./bulk-insert.ts";
import { toIsoTime } from "./time.ts";

type Queryable = Database | Transaction;

export type SystemRow = ProjectionTables["systems"]["$inferSelect"];
export type UnmappedRow = ProjectionTables["unmappedSources"]["$inferSelect"];

/**
 * Folds newly stored events into the systems read model held in `rows` (pure, in memory): event
 * counts, latest event time, catalogue fields. The worker runs it on the rows a batch touches; a
 * replay runs it on every row at once — the same code, so both build the same table.
 */
export function evolveSystemRows(rows: Map<string, SystemRow>, newEvents: readonly MaturityEvent[]): void {
  const bySystem = new Map<string, MaturityEvent[]>();
  for (const event of newEvents) {
    // A queue's events and unmapped native ids are not systems.
    if (event.type === "gpu.queue.configured" || event.subject.startsWith("unmapped:")) continue;
    const list = bySystem.get(event.subject) ?? [];
    list.push(event);
    bySystem.set(event.subject, list);
  }
  for (const [systemId, list] of bySystem) {
    const ordered = [...list].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    const latest = toIsoTime(ordered[ordered.length - 1]!.time);
    const row: SystemRow = rows.get(systemId) ?? {
      systemId,
      name: null,
      team: null,
      kind: null,
      riskTier: null,
      eventCount: 0,
      latestEventAt: latest,
      retiredAt: null,
    };
    row.eventCount += list.length;
    if (Date.parse(latest) > Date.parse(row.latestEventAt)) row.latestEventAt = latest;
    for (const event of ordered) {
      if (event.type === "catalog.system.registered" || event.type === "catalog.system.updated") {
        const data = event.data;
        if (data.name !== undefined) row.name = data.name;
        if (data.team !== undefined) row.team = data.team;
        if (data.kind !== undefined) row.kind = data.kind;
        if (data.riskTier !== undefined) row.riskTier = data.riskTier;
      } else if (event.type === "catalog.system.retired") {
        row.retiredAt = toIsoTime(event.time);
      }
    }
    rows.set(systemId, row);
  }
}

/** Folds events whose native id no catalogue entry maps yet into the unmapped list (pure). */
export function evolveUnmappedRows(
  rows: Map<string, UnmappedRow>,
  newEvents: readonly MaturityEvent[],
): void {
  for (const event of newEvents) {
    if (!event.subject.startsWith("unmapped:")) continue;
    const ref = event.subject.slice("unmapped:".length);
    const time = toIsoTime(event.time);
    const row = rows.get(ref) ?? { ref, eventCount: 0, firstSeenAt: time, lastSeenAt: time, mappedTo: null };
    row.eventCount += 1;
    if (Date.parse(time) < Date.parse(row.firstSeenAt)) row.firstSeenAt = time;
    if (Date.parse(time) > Date.parse(row.lastSeenAt)) row.lastSeenAt = time;
    rows.set(ref, row);
  }
}

/** Applies new events to the systems and unmapped read models of the live projections. */
export async function applyToSystems(tx: Transaction, newEvents: readonly MaturityEvent[]): Promise<void> {
  const { systems, unmappedSources } = liveProjections;
  const systemIds = [...new Set(newEvents.map((event) => event.subject))];
  if (systemIds.length === 0) return;
  const systemRows = new Map(
    (await tx.select().from(systems).where(inArray(systems.systemId, systemIds)).for("update")).map((row) => [
      row.systemId,
      normaliseSystemRow(row),
    ]),
  );
  evolveSystemRows(systemRows, newEvents);
  await upsertRows(tx, systems, [...systemRows.values()], [systems.systemId]);

  const refs = systemIds.filter((id) => id.startsWith("unmapped:")).map((id) => id.slice("unmapped:".length));
  if (refs.length === 0) return;
  const unmappedRows = new Map(
    (await tx.select().from(unmappedSources).where(inArray(unmappedSources.ref, refs)).for("update")).map(
      (row) => [row.ref, normaliseUnmappedRow(row)],
    ),
  );
  evolveUnmappedRows(unmappedRows, newEvents);
  await upsertRows(tx, unmappedSources, [...unmappedRows.values()], [unmappedSources.ref]);
}

function normaliseSystemRow(row: SystemRow): SystemRow {
  return {
    ...row,
    latestEventAt: toIsoTime(row.latestEventAt),
    retiredAt: row.retiredAt === null ? null : toIsoTime(row.retiredAt),
  };
}

function normaliseUnmappedRow(row: UnmappedRow): UnmappedRow {
  return { ...row, firstSeenAt: toIsoTime(row.firstSeenAt), lastSeenAt: toIsoTime(row.lastSeenAt) };
}

export async function listSystems(db: Queryable): Promise<SystemRow[]> {
  const { systems } = liveProjections;
  const rows = await db.select().from(systems).orderBy(asc(systems.systemId));
  return rows.map(normaliseSystemRow);
}

export async function listUnmapped(db: Queryable): Promise<UnmappedRow[]> {
  const { unmappedSources } = liveProjections;
  const rows = await db.select().from(unmappedSources).orderBy(asc(unmappedSources.ref));
  return rows.map(normaliseUnmappedRow);
}
