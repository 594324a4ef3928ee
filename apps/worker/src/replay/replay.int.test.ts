import type { DatabaseHandle } from "@maturity/db";
import { openDatabase, sql, verifyChain } from "@maturity/db";
import { createScratchDatabase, dumpProjections, testDatabaseUrl } from "@maturity/db/testing";
import type { ScratchDatabase } from "@maturity/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chunks, scenarioEvents } from "../../test/scenario-events.ts";
import { applyBatch } from "../apply-batch.ts";
import { rescoreAll } from "../projections/rescore.ts";
import { refreshRollups } from "../projections/rollups.ts";
import { replayProjections } from "./replay.ts";

const events = scenarioEvents();

describe("replay and the hash chain on the real Postgres server", () => {
  let scratch: ScratchDatabase;
  let store: DatabaseHandle;
  let lastClock = 0;

  beforeAll(async () => {
    scratch = await createScratchDatabase(testDatabaseUrl);
    store = await openDatabase({ url: scratch.url });
    // Batches as a worker would apply them, each at its own clock reading just after its events.
    for (const batch of chunks(events, 75)) {
      lastClock = Date.parse(batch.at(-1)!.time) + 60_000;
      const records = batch.map((event, index) => ({
        key: event.subject,
        value: JSON.stringify(event),
        position: `t@${index}`,
      }));
      await applyBatch(store.db, records, lastClock);
    }
    // Two periodic re-scores later on: evidence ages, scores move without new events.
    for (const days of [20, 45]) {
      lastClock += days * 86_400_000;
      expect(await rescoreAll(store.db, lastClock)).not.toBeNull();
    }
    await refreshRollups(store.db, lastClock);
  }, 300_000);

  afterAll(async () => {
    await store?.close();
    await scratch?.drop();
  });

  it("rebuilds projections equal to the incrementally built ones, history included", async () => {
    const incremental = await dumpProjections(store.db);
    expect(incremental.score_history!.some((row) => JSON.parse(row).cause === "window")).toBe(true);
    expect(incremental.rollups!.length).toBeGreaterThan(1);

    const progress: number[] = [];
    const result = await replayProjections(store.db, {
      onProgress: ({ events: done }) => progress.push(done),
    });
    expect(result.events).toBe(events.length);
    expect(result.storeChangedDuringReplay).toBe(false);
    expect(progress.at(-1)).toBe(events.length);

    const rebuilt = await dumpProjections(store.db);
    for (const table of Object.keys(incremental)) {
      expect({ table, rows: rebuilt[table] }).toEqual({ table, rows: incremental[table] });
    }
  });

  it("finds no broken link in untouched chains", async () => {
    const verification = await verifyChain(store.db);
    expect(verification.broken).toBeUndefined();
    expect(verification.events).toBe(
      events.length -
        events.filter((e) => e.type.endsWith("call.completed") || e.type === "agent.run.completed").length,
    );
    expect(verification.systems).toBeGreaterThan(1);
  });

  it("names the first altered event, and a removed one", async () => {
    const target = events.find((event) => event.type === "deploy.completed")!;
    await store.db.execute(
      sql`update events set payload = jsonb_set(payload, '{data,gatedByEval}', 'true') where source = ${target.source} and event_id = ${target.id}`,
    );
    const altered = await verifyChain(store.db, { systemId: target.subject });
    expect(altered.broken).toMatchObject({
      systemId: target.subject,
      eventId: target.id,
      reason: expect.stringContaining("altered"),
    });

    const victim = events.find(
      (event) => event.subject !== target.subject && event.type === "eval.run.completed",
    )!;
    await store.db.execute(
      sql`delete from events where source = ${victim.source} and event_id = ${victim.id}`,
    );
    const removed = await verifyChain(store.db, { systemId: victim.subject });
    expect(removed.broken?.systemId).toBe(victim.subject);
    expect(removed.broken?.reason).toMatch(/removed/);
  });
});
