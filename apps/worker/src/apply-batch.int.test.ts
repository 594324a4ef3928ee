import type { DatabaseHandle } from "@maturity/db";
import { countEvents, listSystems, openDatabase, verifyChain } from "@maturity/db";
import { createScratchDatabase, dumpProjections, testDatabaseUrl } from "@maturity/db/testing";
import type { ScratchDatabase } from "@maturity/db/testing";
import type { MaturityEvent } from "@maturity/model";
import { exampleEvents } from "@maturity/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { records } from "../test/records.ts";
import { applyBatch } from "./apply-batch.ts";

const now = Date.parse("2026-11-24T12:00:00.000Z");

async function freshDatabase(driver: "postgres" | "pglite") {
  if (driver === "pglite") return { handle: await openDatabase({ inMemory: true }), scratch: undefined };
  const scratch = await createScratchDatabase(testDatabaseUrl);
  return { handle: await openDatabase({ url: scratch.url }), scratch };
}

describe.each(["postgres", "pglite"] as const)("applying batches on %s", (driver) => {
  let once: { handle: DatabaseHandle; scratch?: ScratchDatabase };
  let twice: { handle: DatabaseHandle; scratch?: ScratchDatabase };

  beforeAll(async () => {
    once = await freshDatabase(driver);
    twice = await freshDatabase(driver);
  });
  afterAll(async () => {
    for (const store of [once, twice]) {
      await store?.handle.close();
      await store?.scratch?.drop();
    }
  });

  it("every event delivered twice leaves the projections exactly as delivered once", async () => {
    const first = await applyBatch(once.handle.db, records(exampleEvents), now);
    expect(first.applied).toBe(exampleEvents.length);
    expect(first.duplicates).toBe(0);

    // Twice: inside one batch, and again in a later batch (a redelivery after a crash).
    const doubled = await applyBatch(twice.handle.db, records([...exampleEvents, ...exampleEvents]), now);
    expect(doubled.applied).toBe(exampleEvents.length);
    const redelivered = await applyBatch(twice.handle.db, records(exampleEvents), now);
    expect(redelivered).toMatchObject({
      applied: 0,
      duplicates: exampleEvents.length,
      rejected: [],
      changes: [],
    });

    expect(await countEvents(twice.handle.db)).toBe(exampleEvents.length);
    const dumpOnce = await dumpProjections(once.handle.db);
    expect(dumpOnce.system_reports!.length).toBeGreaterThan(0);
    expect(dumpOnce.score_history!.length).toBeGreaterThan(0);
    expect(await dumpProjections(twice.handle.db)).toEqual(dumpOnce);
    expect((await verifyChain(twice.handle.db)).broken).toBeUndefined();
  });

  it("rejects records that are not valid events with a reason, and applies the rest", async () => {
    const good = { ...exampleEvents[0]!, id: "apply-batch-good", subject: "batch-system" } as MaturityEvent;
    const outcome = await applyBatch(
      once.handle.db,
      [...records(["{not json", JSON.stringify({ ...good, id: "bad", type: "nope" })]), ...records([good])],
      now,
    );
    expect(outcome.applied).toBe(1);
    expect(outcome.rejected).toEqual([
      expect.objectContaining({ position: "test@0", reason: "the record is not JSON" }),
      expect.objectContaining({
        position: "test@1",
        reason: expect.stringContaining('unknown event type "nope"'),
      }),
    ]);
    const systems = await listSystems(once.handle.db);
    expect(systems.find((system) => system.systemId === "batch-system")?.eventCount).toBe(1);
  });

  it("takes catalogue fields from the registration", async () => {
    const registered = exampleEvents.find((event) => event.type === "catalog.system.registered")!;
    const system = (await listSystems(once.handle.db)).find((row) => row.systemId === registered.subject);
    expect(system).toMatchObject({
      name: registered.data.name,
      team: registered.data.team,
      kind: registered.data.kind,
      riskTier: registered.data.riskTier,
    });
  });
});
