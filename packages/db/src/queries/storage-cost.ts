// What the store costs on disk, per part: the bench divides it by the stored events, and the
// first-run test reads it beside the data folder's size.
import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { projectionSchemaName } from "../schema/projections.ts";
import { rowsOf } from "./rows-of.ts";

export const storageParts = ["event store", "telemetry", "projections", "other"] as const;
export type StoragePart = (typeof storageParts)[number];

/** Bytes on disk. `table` is the heap with its free-space and visibility maps. */
export interface StorageBytes {
  table: number;
  toast: number;
  indexes: number;
  total: number;
}

export type StorageCost = Record<StoragePart | "overall", StorageBytes>;

/**
 * The platform's tables (projections and partitions included) grouped into parts. The event store
 * is `events` with the chain heads; telemetry is every partition of `telemetry_events` (the parent
 * holds nothing); "other" is the rest (dead letters, alert outbox, campaigns, re-score ticks, …).
 */
export async function storageCost(db: Database): Promise<StorageCost> {
  const rows = rowsOf<{ part: StoragePart; table: string; toast: string; indexes: string }>(
    await db.execute(sql`
      select part,
        sum(pg_table_size(c.oid) - toast)::bigint as "table",
        sum(toast)::bigint as toast,
        sum(pg_indexes_size(c.oid))::bigint as indexes
      from (
        select c.oid,
          coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0) as toast,
          case
            when n.nspname = ${projectionSchemaName} then 'projections'
            when c.relname in ('events', 'chain_heads') then 'event store'
            when exists (select 1 from pg_inherits i
              where i.inhrelid = c.oid and i.inhparent = 'telemetry_events'::regclass) then 'telemetry'
            else 'other'
          end as part
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname in (current_schema(), ${projectionSchemaName})
      ) c
      group by part`),
  );
  const zero = (): StorageBytes => ({ table: 0, toast: 0, indexes: 0, total: 0 });
  const cost = Object.fromEntries([...storageParts, "overall"].map((part) => [part, zero()])) as StorageCost;
  for (const row of rows) {
    const bytes = { table: Number(row.table), toast: Number(row.toast), indexes: Number(row.indexes) };
    for (const target of [cost[row.part], cost.overall]) {
      target.table += bytes.table;
      target.toast += bytes.toast;
      target.indexes += bytes.indexes;
      target.total += bytes.table + bytes.toast + bytes.indexes;
    }
  }
  return cost;
}
