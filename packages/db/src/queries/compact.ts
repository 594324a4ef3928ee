import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { projectionSchemaName } from "../schema/projections.ts";
import { rowsOf } from "./rows-of.ts";

/**
 * Gives back the disk a bulk load left behind, for the embedded database (PGlite), which runs no
 * autovacuum and no checkpointer: without this its folder keeps every dead row version of the
 * re-scored projections and every write-ahead log segment the load wrote. Rewrites the platform's
 * tables (dead rows gone, indexes packed), then checkpoints with WAL recycling off, so the segments
 * behind the checkpoint are deleted; a plain checkpoint renames them all for reuse instead.
 * Locks each table exclusively while it is rewritten: meant for the first run, not a shared server.
 */
export async function compactAfterBulkLoad(db: Database): Promise<void> {
  // The platform's own tables only: rewriting PGlite's catalogs as well has failed there.
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`
      select format('%I.%I', n.nspname, c.relname) as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relispartition
        and n.nspname in (current_schema(), ${projectionSchemaName})
      order by 1`),
  );
  if (tables.length > 0)
    await db.execute(sql.raw(`vacuum full ${tables.map((table) => table.name).join(", ")}`));
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local wal_recycle = off`);
    await tx.execute(sql`checkpoint`);
  });
}
