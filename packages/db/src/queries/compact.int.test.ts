import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { systemFacts } from "../schema/projections.ts";
import { suiteDatabase } from "../testing/suite-database.ts";
import { upsertRows } from "./bulk-insert.ts";
import { compactAfterBulkLoad } from "./compact.ts";
import { rowsOf } from "./rows-of.ts";
import { storageCost } from "./storage-cost.ts";

describe.each(["postgres", "pglite"] as const)("compacting after a bulk load on %s", (driver) => {
  const database = suiteDatabase(driver);

  const walBytes = async () =>
    Number(
      rowsOf<{ bytes: string }>(
        await database().db.execute(sql`select coalesce(sum(size), 0)::bigint as bytes from pg_ls_waldir()`),
      )[0]!.bytes,
    );

  it("drops the dead row versions of re-written projections and, embedded, the WAL behind them", async () => {
    // A re-score rewrites each system's facts: every round leaves the previous versions dead.
    for (let round = 0; round < 10; round++) {
      const rows = Array.from({ length: 2_000 }, (_, index) => ({
        systemId: `system-${index}`,
        factsVersion: round,
        facts: { round, notes: "x".repeat(400) },
      }));
      await database().db.transaction((tx) => upsertRows(tx, systemFacts, rows, [systemFacts.systemId]));
    }
    const loaded = await storageCost(database().db);
    const walLoaded = await walBytes();

    await compactAfterBulkLoad(database().db);

    const compacted = await storageCost(database().db);
    expect(compacted.projections.total).toBeLessThanOrEqual(loaded.projections.total);
    expect(await database().db.$count(systemFacts)).toBe(2_000);
    // A server prunes and vacuums dead rows on its own (how much by the time of the measurement
    // depends on its load), and its WAL is shared with every other database on it; PGlite does
    // neither, and its WAL is this one's alone: there the compaction is what gives the disk back.
    if (driver === "pglite") {
      expect(compacted.projections.total).toBeLessThan(loaded.projections.total / 3);
      const walCompacted = await walBytes();
      expect(walCompacted).toBeLessThanOrEqual(2 << 20);
      expect(walCompacted).toBeLessThan(walLoaded / 4);
    }
  });
});
