import type { DatabaseHandle } from "@maturity/db";
import { countEvents, insertDeadLetters, listDeadLetters, openDatabase, sql } from "@maturity/db";
import { createScratchDatabase, dumpProjections, testDatabaseUrl } from "@maturity/db/testing";
import type { ScratchDatabase } from "@maturity/db/testing";
import type { MaturityEvent } from "@maturity/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { records } from "../../test/records.ts";
import { scenarioEvents } from "../../test/scenario-events.ts";
import { applyRecords, type ApplyRecordsHooks } from "./apply-records.ts";

const now = Date.parse("2026-11-24T12:00:00.000Z");

async function freshDatabase(driver: "postgres" | "pglite") {
  if (driver === "pglite") return { handle: await openDatabase({ inMemory: true }), scratch: undefined };
  const scratch = await createScratchDatabase(testDatabaseUrl);
  return { handle: await openDatabase({ url: scratch.url }), scratch };
}

function hooks(handle: DatabaseHandle, waits: unknown[] = []): ApplyRecordsHooks {
  return {
    async waitForDatabase(error) {
      waits.push(error);
      if (waits.length > 50) throw new Error("the database stayed away");
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
    databaseBack: () => undefined,
    databaseHealthy: () =>
      handle.db.execute(sql`select 1`).then(
        () => true,
        () => false,
      ),
  };
}

describe.each(["postgres", "pglite"] as const)(
  "a batch with a record the database refuses, on %s",
  (driver) => {
    let refusing: { handle: DatabaseHandle; scratch?: ScratchDatabase };
    let reference: { handle: DatabaseHandle; scratch?: ScratchDatabase };
    // The example organisation's first events, and one the store refuses in the middle of them.
    const events = scenarioEvents().slice(0, 40);
    const forbidden = { ...events[17]!, id: "forbidden-by-the-test" } as MaturityEvent;
    const batch = records([...events.slice(0, 20), forbidden, ...events.slice(20)]);

    beforeAll(async () => {
      refusing = await freshDatabase(driver);
      reference = await freshDatabase(driver);
      // A constraint only this test has: the database refuses that one row for a reason in its data.
      await refusing.handle.db.execute(
        sql`alter table events add constraint no_forbidden_ids check (event_id <> 'forbidden-by-the-test')`,
      );
    });
    afterAll(async () => {
      for (const store of [refusing, reference]) {
        await store?.handle.close();
        await store?.scratch?.drop();
      }
    });

    it("dead-letters that record with the database's reason and applies the rest in order", async () => {
      const outcome = await applyRecords(refusing.handle.db, batch, now, {}, hooks(refusing.handle));
      expect(outcome.applied).toBe(events.length);
      expect(outcome.rejected).toEqual([
        {
          position: "test@20",
          key: forbidden.subject,
          value: JSON.stringify(forbidden),
          reasonKind: "database_refused",
          reason: expect.stringContaining('violates check constraint "no_forbidden_ids"'),
        },
      ]);
      await insertDeadLetters(refusing.handle.db, outcome.rejected);

      // The same events without the refused one, in one batch: the very same projections.
      await applyRecords(reference.handle.db, records(events), now, {}, hooks(reference.handle));
      expect(await countEvents(refusing.handle.db)).toBe(events.length);
      const withoutHistory = (dump: Record<string, string[]>) => ({ ...dump, score_history: [] });
      expect(withoutHistory(await dumpProjections(refusing.handle.db))).toEqual(
        withoutHistory(await dumpProjections(reference.handle.db)),
      );
    });

    it("counts nothing twice when the batch is delivered again, and parks the record once", async () => {
      const again = await applyRecords(refusing.handle.db, batch, now, {}, hooks(refusing.handle));
      expect(again.applied).toBe(0);
      expect(again.duplicates).toBe(events.length);
      expect(again.rejected).toHaveLength(1);
      await insertDeadLetters(refusing.handle.db, again.rejected);
      expect(await countEvents(refusing.handle.db)).toBe(events.length);
      const parked = await listDeadLetters(refusing.handle.db);
      expect(parked).toHaveLength(1);
      expect(parked[0]).toMatchObject({
        position: "test@20",
        reasonKind: "database_refused",
        eventId: "forbidden-by-the-test",
        eventType: forbidden.type,
        eventSource: forbidden.source,
      });
    });

    it("applies the record once the cause is fixed and the dead letter is re-driven", async () => {
      await refusing.handle.db.execute(sql`alter table events drop constraint no_forbidden_ids`);
      const [parked] = await listDeadLetters(refusing.handle.db);
      const outcome = await applyRecords(
        refusing.handle.db,
        [{ key: parked!.key, value: parked!.value, position: "test@redriven" }],
        now,
        {},
        hooks(refusing.handle),
      );
      expect(outcome).toMatchObject({ applied: 1, rejected: [] });
      expect(await countEvents(refusing.handle.db)).toBe(events.length + 1);
    });
  },
);
