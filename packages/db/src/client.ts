import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/** Either driver: both are Postgres, queried through the same drizzle API. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  /** "postgres" for a real server, "pglite" for the embedded one. */
  driver: "postgres" | "pglite";
  /** Calls `onNotice` with each NOTIFY payload on `channel`; resolves to the way to stop. */
  listen(channel: string, onNotice: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type DatabaseConfig = { url: string } | { dataDir: string } | { inMemory: true };

const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/**
 * Opens the database and applies the committed migrations, so every start runs on the current
 * schema. The same SQL files run on the Postgres server and on PGlite.
 */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if ("url" in config) {
    const client = postgres(config.url, { max: 10, onnotice: () => undefined });
    const db = drizzlePostgres({ client, schema, casing: "snake_case" });
    // Several processes may start at once (two workers, ingest, web): one migrates, the others
    // wait on the lock and then find nothing left to apply.
    const lockHolder = await client.reserve();
    try {
      await lockHolder`select pg_advisory_lock(7422000)`;
      await migratePostgres(db, { migrationsFolder });
    } catch (error) {
      lockHolder.release();
      await client.end();
      throw error;
    }
    await lockHolder`select pg_advisory_unlock(7422000)`;
    lockHolder.release();
    return {
      db: db as unknown as Database,
      driver: "postgres",
      async listen(channel, onNotice) {
        // postgres.js holds one extra connection for all listeners and re-listens after a reconnect.
        const request = await client.listen(channel, onNotice);
        return () => request.unlisten();
      },
      // Queries still running get 5 s; a connection left half-open by a server restart must not
      // hold the process forever.
      close: () => client.end({ timeout: 5 }),
    };
  }
  let client: PGlite;
  if ("dataDir" in config) {
    await mkdir(config.dataDir, { recursive: true });
    client = new PGlite(config.dataDir);
  } else {
    client = new PGlite();
  }
  const db = drizzlePglite({ client, schema, casing: "snake_case" });
  await migratePglite(db, { migrationsFolder });
  return {
    db: db as unknown as Database,
    driver: "pglite",
    async listen(channel, onNotice) {
      const stop = await client.listen(channel, onNotice);
      return () => stop();
    },
    close: () => client.close(),
  };
}
