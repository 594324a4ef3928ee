import type { MaturityEvent } from "@maturity/model";
import { asc, sql } from "drizzle-orm";
import type { Database, Transaction } from "../client.ts";
import { systems } from "../schema/systems.ts";
import { toIsoTime } from "./time.ts";

type Queryable = Database | Transaction;

/**
 * Folds newly stored events into the systems read model. Callers pass only events that were new
 * to the store, which is what keeps a redelivered event from being counted twice.
 */
export async function applyToSystems(tx: Queryable, newEvents: readonly MaturityEvent[]): Promise<void> {
  const bySystem = new Map<string, MaturityEvent[]>();
  for (const event of newEvents) {
    if (event.type === "gpu.queue.configured") continue; // its subject is a queue, not a system
    const list = bySystem.get(event.subject) ?? [];
    list.push(event);
    bySystem.set(event.subject, list);
  }
  for (const [systemId, list] of bySystem) {
    const ordered = [...list].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    const latest = ordered[ordered.length - 1]!.time;
    const catalogue = catalogueFields(ordered);
    await tx
      .insert(systems)
      .values({ systemId, eventCount: list.length, latestEventAt: latest, ...catalogue })
      .onConflictDoUpdate({
        target: systems.systemId,
        set: {
          eventCount: sql`${systems.eventCount} + ${list.length}`,
          latestEventAt: sql`greatest(${systems.latestEventAt}, ${latest}::timestamptz)`,
          ...catalogue,
        },
      });
  }
}

type CatalogueFields = Partial<
  Pick<typeof systems.$inferInsert, "name" | "team" | "kind" | "riskTier" | "retiredAt">
>;

function catalogueFields(ordered: readonly MaturityEvent[]): CatalogueFields {
  const fields: CatalogueFields = {};
  for (const event of ordered) {
    if (event.type === "catalog.system.registered" || event.type === "catalog.system.updated") {
      const data = event.data;
      if (data.name !== undefined) fields.name = data.name;
      if (data.team !== undefined) fields.team = data.team;
      if (data.kind !== undefined) fields.kind = data.kind;
      if (data.riskTier !== undefined) fields.riskTier = data.riskTier;
    } else if (event.type === "catalog.system.retired") {
      fields.retiredAt = event.time;
    }
  }
  return fields;
}

export type SystemRow = typeof systems.$inferSelect;

export async function listSystems(db: Queryable): Promise<SystemRow[]> {
  const rows = await db.select().from(systems).orderBy(asc(systems.systemId));
  return rows.map((row) => ({
    ...row,
    latestEventAt: toIsoTime(row.latestEventAt),
    retiredAt: row.retiredAt === null ? null : toIsoTime(row.retiredAt),
  }));
}
