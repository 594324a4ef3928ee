import { sql } from "drizzle-orm";
import type { Database, Transaction } from "../client.ts";
import { rowsOf } from "./rows-of.ts";

type Queryable = Database | Transaction;

function monthStart(time: string | number): Date {
  const date = new Date(time);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

function partitionName(month: Date): string {
  return `telemetry_events_${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Creates the monthly partitions these times fall in, if missing. */
export async function ensureTelemetryPartitions(tx: Transaction, times: readonly string[]): Promise<void> {
  const months = new Map<string, Date>();
  for (const time of times) {
    const month = monthStart(time);
    months.set(partitionName(month), month);
  }
  const existing = rowsOf<{ name: string; found: string | null }>(
    await tx.execute(
      sql`select name, to_regclass(name)::text as found from unnest(${sql.raw(
        `array[${[...months.keys()].map((name) => `'${name}'`).join(",")}]`,
      )}::text[]) as name`,
    ),
  );
  const missing = existing.filter((row) => row.found === null).map((row) => row.name);
  if (missing.length === 0) return;
  // Two workers may meet a new month at once; the lock (held to commit) makes creation atomic.
  // It is taken only when a partition is missing, so steady-state batches never wait on it.
  await tx.execute(sql`select pg_advisory_xact_lock(7422001)`);
  for (const name of missing) {
    const month = months.get(name)!;
    const next = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
    await tx.execute(
      sql.raw(
        `create table if not exists "${name}" partition of "telemetry_events" ` +
          `for values from ('${month.toISOString()}') to ('${next.toISOString()}')`,
      ),
    );
  }
}

/**
 * Drops monthly partitions that ended more than `retentionDays` before `now`. Returns the names
 * dropped. The facts and usage rollups keep what scoring needs from them.
 */
export async function dropExpiredTelemetryPartitions(
  db: Queryable,
  retentionDays: number,
  now: number,
): Promise<string[]> {
  const result = await db.execute(sql`
    select child.relname as name from pg_inherits
    join pg_class parent on pg_inherits.inhparent = parent.oid
    join pg_class child on pg_inherits.inhrelid = child.oid
    where parent.relname = 'telemetry_events'`);
  const names = rowsOf<{ name: string }>(result).map((row) => row.name);
  const cutoff = now - retentionDays * 86_400_000;
  const dropped: string[] = [];
  for (const name of names) {
    const match = /^telemetry_events_(\d{4})_(\d{2})$/.exec(name);
    if (!match) continue;
    const end = Date.UTC(Number(match[1]), Number(match[2]), 1);
    if (end <= cutoff) {
      await db.execute(sql.raw(`drop table if exists "${name}"`));
      dropped.push(name);
    }
  }
  return dropped;
}
