import type { DatabaseHandle } from "@maturity/db";
import { countEvents, latestEvents, listSystems, openDatabase } from "@maturity/db";
import { createScratchDatabase, testDatabaseUrl } from "@maturity/db/testing";
import type { ScratchDatabase } from "@maturity/db/testing";
import type { ConsumedRecord } from "@maturity/log";
import type { MaturityEvent } from "@maturity/model";
import { exampleEvents } from "@maturity/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyBatch } from "./apply-batch.ts";

function records(events: readonly unknown[]): ConsumedRecord[] {
  return events.map((event, index) => ({
    key: (event as MaturityEvent).subject ?? "",
    value: typeof event === "string" ? event : JSON.stringify(event),
    position: `test@${index}`,
  }));
}

const systemEvents = exampleEvents.filter((event) => event.type !== "gpu.queue.configured");

describe.each([
  ["the real Postgres server", "postgres"],
  ["PGlite", "pglite"],
] as const)("applying batches on %s", (_name, driver) => {
  let scratch: ScratchDatabase | undefined;
  let database: DatabaseHandle;

  beforeAll(async () => {
    if (driver === "postgres") {
      scratch = await createScratchDatabase(testDatabaseUrl);
      database = await openDatabase({ url: scratch.url });
    } else {
      database = await openDatabase({ inMemory: true });
    }
  });
  afterAll(async () => {
    await database?.close();
    await scratch?.drop();
  });

  it("stores every event of the catalogue once, even when each is delivered twice", async () => {
    const first = await applyBatch(database.db, records(exampleEvents));
    expect(first).toEqual({ applied: exampleEvents.length, duplicates: 0, rejected: [] });
    const systemsOnce = await listSystems(database.db);

    const again = await applyBatch(database.db, records([...exampleEvents, ...exampleEvents]));
    expect(again).toEqual({ applied: 0, duplicates: exampleEvents.length * 2, rejected: [] });
    expect(await countEvents(database.db)).toBe(exampleEvents.length);
    // The read model is unchanged by the redelivery.
    expect(await listSystems(database.db)).toEqual(systemsOnce);
    const perSystem = new Map<string, number>();
    for (const event of systemEvents) perSystem.set(event.subject, (perSystem.get(event.subject) ?? 0) + 1);
    for (const system of systemsOnce) expect(system.eventCount).toBe(perSystem.get(system.systemId));
  });

  it("rejects records that are not valid events with a reason, and applies the rest", async () => {
    const good = { ...exampleEvents[0]!, id: "apply-batch-good", subject: "batch-system" } as MaturityEvent;
    const outcome = await applyBatch(database.db, [
      ...records(["{not json", JSON.stringify({ ...good, id: "bad", type: "nope" })]),
      ...records([good]),
    ]);
    expect(outcome.applied).toBe(1);
    expect(outcome.rejected).toEqual([
      { position: "test@0", reason: "the record is not JSON" },
      { position: "test@1", reason: expect.stringContaining('unknown event type "nope"') },
    ]);
    expect(
      (await latestEvents(database.db, { systemId: "batch-system", limit: 10 })).map((e) => e.eventId),
    ).toEqual(["apply-batch-good"]);
  });

  it("takes catalogue fields from the registration", async () => {
    const registered = exampleEvents.find((event) => event.type === "catalog.system.registered")!;
    const system = (await listSystems(database.db)).find((row) => row.systemId === registered.subject);
    expect(system).toMatchObject({
      name: registered.data.name,
      team: registered.data.team,
      kind: registered.data.kind,
      riskTier: registered.data.riskTier,
    });
  });
});
