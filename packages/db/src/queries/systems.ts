import type { CatalogueChange, MaturityEvent } from "@maturity/model";
import {
  catalogueChangeOf,
  catalogueIdentity,
  compareCatalogueChanges,
  isSystemEvent,
  nativeIdOfSubject,
} from "@maturity/model";
import { asc, getTableColumns, inArray } from "drizzle-orm";
import type { Database, Transaction } from "../client.ts";
import { liveProjections } from "../schema/projections.ts";
import type { ProjectionTables } from "../schema/projections.ts";
import { upsertRows } from "./bulk-insert.ts";
import { toIsoTime } from "./time.ts";

type Queryable = Database | Transaction;

export type SystemRow = ProjectionTables["systems"]["$inferSelect"];
/** A systems row as the portal reads it (without the catalogue changes behind its entry). */
export type SystemSummary = Omit<SystemRow, "catalogue">;
export type UnmappedRow = ProjectionTables["unmappedSources"]["$inferSelect"];

/**
 * Folds newly stored events into the systems read model held in `rows` (pure, in memory): event
 * counts, latest event time, catalogue fields. The worker runs it on the rows a batch touches; a
 * replay runs it on every row at once — the same code, so both build the same table. The
 * catalogue fields are not taken from whichever event arrived last: each row keeps its system's
 * catalogue changes, and its fields are the identity packages/model's `catalogueIdentity` gives
 * them (by event time, all changes known) — the definition scoring uses too.
 */
export function evolveSystemRows(rows: Map<string, SystemRow>, newEvents: readonly MaturityEvent[]): void {
  const bySystem = new Map<string, MaturityEvent[]>();
  for (const event of newEvents) {
    if (!isSystemEvent(event)) continue;
    const list = bySystem.get(event.subject) ?? [];
    list.push(event);
    bySystem.set(event.subject, list);
  }
  for (const [systemId, list] of bySystem) {
    let latest = list[0]!.time;
    for (const event of list) if (Date.parse(event.time) > Date.parse(latest)) latest = event.time;
    latest = toIsoTime(latest);
    const row: SystemRow = rows.get(systemId) ?? {
      systemId,
      name: null,
      team: null,
      kind: null,
      riskTier: null,
      eventCount: 0,
      latestEventAt: latest,
      retiredAt: null,
      catalogue: [],
    };
    row.eventCount += list.length;
    if (Date.parse(latest) > Date.parse(row.latestEventAt)) row.latestEventAt = latest;
    const changes = list.map(catalogueChangeOf).filter((change) => change !== undefined);
    if (changes.length > 0) {
      row.catalogue = [...row.catalogue, ...changes].sort(compareCatalogueChanges);
      Object.assign(row, identityColumns(row.catalogue));
    }
    rows.set(systemId, row);
  }
}

/** The systems row's catalogue columns: the system's catalogue identity, all changes known. */
function identityColumns(
  catalogue: readonly CatalogueChange[],
): Pick<SystemRow, "name" | "team" | "kind" | "riskTier" | "retiredAt"> {
  const identity = catalogueIdentity(catalogue);
  return {
    name: identity.name ?? null,
    team: identity.team ?? null,
    kind: identity.kind ?? null,
    riskTier: identity.riskTier ?? null,
    retiredAt: identity.retiredAt === null ? null : new Date(identity.retiredAt).toISOString(),
  };
}

/** Folds events whose native id no catalogue entry maps yet into the unmapped list (pure). */
export function evolveUnmappedRows(
  rows: Map<string, UnmappedRow>,
  newEvents: readonly MaturityEvent[],
): void {
  for (const event of newEvents) {
    const ref = nativeIdOfSubject(event.subject);
    if (ref === undefined) continue;
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

  const refs = systemIds.map(nativeIdOfSubject).filter((ref) => ref !== undefined);
  if (refs.length === 0) return;
  const unmappedRows = new Map(
    (await tx.select().from(unmappedSources).where(inArray(unmappedSources.ref, refs)).for("update")).map(
      (row) => [row.ref, normaliseUnmappedRow(row)],
    ),
  );
  evolveUnmappedRows(unmappedRows, newEvents);
  await upsertRows(tx, unmappedSources, [...unmappedRows.values()], [unmappedSources.ref]);
}

function normaliseSystemRow<R extends SystemSummary>(row: R): R {
  return {
    ...row,
    latestEventAt: toIsoTime(row.latestEventAt),
    retiredAt: row.retiredAt === null ? null : toIsoTime(row.retiredAt),
  };
}

function normaliseUnmappedRow(row: UnmappedRow): UnmappedRow {
  return { ...row, firstSeenAt: toIsoTime(row.firstSeenAt), lastSeenAt: toIsoTime(row.lastSeenAt) };
}

/**
 * Every system seen, with its catalogue entry: retired ones included (`retiredAt` set), so their
 * history stays readable. The catalogue changes the entry is computed from are left out.
 */
export async function listSystems(db: Queryable): Promise<SystemSummary[]> {
  const { systems } = liveProjections;
  const { catalogue: _catalogue, ...columns } = getTableColumns(systems);
  const rows = await db.select(columns).from(systems).orderBy(asc(systems.systemId));
  return rows.map(normaliseSystemRow);
}

export async function listUnmapped(db: Queryable): Promise<UnmappedRow[]> {
  const { unmappedSources } = liveProjections;
  const rows = await db.select().from(unmappedSources).orderBy(asc(unmappedSources.ref));
  return rows.map(normaliseUnmappedRow);
}
