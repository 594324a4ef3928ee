import { afterAll, beforeAll } from "vitest";
import type { DatabaseHandle } from "../client.ts";
import { openDatabase } from "../client.ts";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.ts";
import { testDatabaseUrl } from "./env.ts";

export type Driver = "postgres" | "pglite";

/**
 * One database for the suite that calls it (inside `describe`): a scratch database on the real
 * Postgres server, or an in-memory PGlite, so the same SQL is checked on both. Read the handle
 * through the returned function once the suite has started.
 */
export function suiteDatabase(driver: Driver): () => DatabaseHandle {
  let scratch: ScratchDatabase | undefined;
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    if (driver === "postgres") {
      scratch = await createScratchDatabase(testDatabaseUrl);
      handle = await openDatabase({ url: scratch.url });
    } else {
      handle = await openDatabase({ inMemory: true });
    }
  });
  afterAll(async () => {
    await handle?.close();
    await scratch?.drop();
  });
  return () => {
    if (handle === undefined)
      throw new Error("the suite's database is opened in beforeAll: read it inside a test");
    return handle;
  };
}
