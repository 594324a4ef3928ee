import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../client.ts";

/** Inserts many rows in chunks that stay under Postgres's 65,535 bind parameters per statement. */
export async function bulkInsert(db: Database, table: PgTable, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length;
  const chunk = Math.max(1, Math.floor(60_000 / columns));
  for (let start = 0; start < rows.length; start += chunk) {
    await db.insert(table).values(rows.slice(start, start + chunk) as never);
  }
}
