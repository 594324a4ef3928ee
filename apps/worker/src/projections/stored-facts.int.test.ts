// Changing one fact kind's layout refolds only that kind: stored facts whose recorded version of a
// kind is not this build's get that kind rebuilt from the stored events when the system is next
// folded, and every other kind is kept exactly as stored.
import type { DatabaseHandle } from "@maturity/db";
import { eq, liveProjections, openDatabase } from "@maturity/db";
import { createScratchDatabase, testDatabaseUrl } from "@maturity/db/testing";
import type { ScratchDatabase } from "@maturity/db/testing";
import type { MaturityEvent } from "@maturity/model";
import { exampleEvents } from "@maturity/model";
import type { SystemFacts } from "@maturity/scoring";
import { evolveSystem, initialSystemFacts, kindVersions } from "@maturity/scoring";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { records } from "../../test/records.ts";
import { applyBatch } from "../apply-batch.ts";

const now = Date.parse("2026-11-24T12:00:00.000Z");
const systemId = "fraud-scoring";
const systemEvents = exampleEvents.filter((event) => event.subject === systemId) as MaturityEvent[];
type KindName = keyof typeof kindVersions;
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

async function storedFacts(handle: DatabaseHandle): Promise<SystemFacts> {
  const { systemFacts } = liveProjections;
  const [row] = await handle.db.select().from(systemFacts).where(eq(systemFacts.systemId, systemId));
  return row!.facts as SystemFacts;
}

describe.each(["pglite", "postgres"] as const)("stored facts of another kind layout on %s", (driver) => {
  let handle: DatabaseHandle;
  let scratch: ScratchDatabase | undefined;

  beforeAll(async () => {
    if (driver === "postgres") scratch = await createScratchDatabase(testDatabaseUrl);
    handle = await openDatabase(scratch === undefined ? { inMemory: true } : { url: scratch.url });
  });
  afterAll(async () => {
    await handle?.close();
    await scratch?.drop();
  });

  it("refold only the kind whose version moved, from the stored events", async () => {
    const [last, ...earlier] = [...systemEvents].reverse();
    await applyBatch(handle.db, records(earlier.reverse()), now);

    // Two kinds that hold facts: one is marked stored under an older layout, the other is current.
    // Both are blanked, so what comes back shows which one was rebuilt.
    const empty = initialSystemFacts(systemId) as unknown as Record<KindName, unknown>;
    const before = (await storedFacts(handle)) as unknown as Record<KindName, unknown> & SystemFacts;
    const held = (Object.keys(kindVersions) as KindName[]).filter(
      (name) => JSON.stringify(before[name]) !== JSON.stringify(empty[name]),
    );
    expect(held.length).toBeGreaterThanOrEqual(2);
    const [stale, current] = held as [KindName, KindName];
    const tampered = {
      ...before,
      [stale]: empty[stale],
      [current]: empty[current],
      versions: { ...kindVersions, [stale]: kindVersions[stale] - 1 },
    };
    const { systemFacts } = liveProjections;
    await handle.db.update(systemFacts).set({ facts: tampered }).where(eq(systemFacts.systemId, systemId));

    await applyBatch(handle.db, records([last!]), now);

    const after = (await storedFacts(handle)) as unknown as Record<KindName, unknown> & SystemFacts;
    const fresh = initialSystemFacts(systemId) as unknown as Record<KindName, unknown> & SystemFacts;
    for (const event of systemEvents) evolveSystem(fresh, event);
    expect(json(after[stale]), `${stale} is rebuilt from the stored events`).toEqual(json(fresh[stale]));
    expect(json(after[current]), `${current} is kept as stored`).toEqual(json(empty[current]));
    expect(after.versions).toEqual(kindVersions);
  });
});
