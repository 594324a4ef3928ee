import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { projectionSchemaName, projectionTables } from "../schema/projections.ts";
import type { ProjectionTables } from "../schema/projections.ts";
import { notifyScoreChanges } from "./score-change-notices.ts";
import { rowsOf } from "./rows-of.ts";

export const nextProjectionSchemaName = `${projectionSchemaName}_next`;

/**
 * Creates empty copies of every projection table (same columns, keys, indexes, identities) in a
 * schema of their own, for a replay to fill while the live ones keep serving reads.
 */
export async function createNextProjections(db: Database): Promise<ProjectionTables> {
  const live = projectionSchemaName;
  const next = nextProjectionSchemaName;
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`drop schema if exists "${next}" cascade`));
    await tx.execute(sql.raw(`create schema "${next}"`));
    const tables = rowsOf<{ name: string }>(
      await tx.execute(
        sql`select tablename as name from pg_tables where schemaname = ${live} order by tablename`,
      ),
    );
    for (const { name } of tables) {
      await tx.execute(sql.raw(`create table "${next}"."${name}" (like "${live}"."${name}" including all)`));
    }
  });
  return projectionTables(next);
}

/**
 * Puts the rebuilt projections in place of the live ones in one transaction: readers see either
 * all old or all new tables, never a mix.
 */
export async function swapInNextProjections(db: Database): Promise<void> {
  const live = projectionSchemaName;
  const old = `${projectionSchemaName}_old`;
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`drop schema if exists "${old}" cascade`));
    await tx.execute(sql.raw(`alter schema "${live}" rename to "${old}"`));
    await tx.execute(sql.raw(`alter schema "${nextProjectionSchemaName}" rename to "${live}"`));
    await tx.execute(sql.raw(`drop schema "${old}" cascade`));
    await notifyScoreChanges(tx, null);
  });
}
