import { exampleEvents } from "@maturity/model";
import type { MaturityEvent } from "@maturity/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client.ts";
import { openDatabase } from "./client.ts";
import { appendEvents, countEvents, latestEvents } from "./queries/event-store.ts";
import { sql } from "drizzle-orm";
import { rowsOf } from "./queries/rows-of.ts";
import { createScratchDatabase, testDatabaseUrl } from "./testing/index.ts";
import type { ScratchDatabase } from "./testing/index.ts";

async function tableColumns(handle: DatabaseHandle): Promise<string[]> {
  const result = await handle.db.execute(
    sql`select table_schema || '.' || table_name || '.' || column_name || ':' || data_type as col
        from information_schema.columns where table_schema in ('public', 'projections')
        and table_name not like 'telemetry_events_%' order by table_schema, table_name, ordinal_position`,
  );
  const rows = rowsOf<{ col: string }>(result);
  return rows.map((row) => row.col);
}

const appliedAt = "2026-11-24T12:00:00.000Z";

describe("the same migrations on the Postgres server and on PGlite", () => {
  let scratch: ScratchDatabase;
  let server: DatabaseHandle;
  let embedded: DatabaseHandle;

  beforeAll(async () => {
    scratch = await createScratchDatabase(testDatabaseUrl);
    server = await openDatabase({ url: scratch.url });
    embedded = await openDatabase({ inMemory: true });
  });
  afterAll(async () => {
    await server?.close();
    await embedded?.close();
    await scratch?.drop();
  });

  it("produce identical tables", async () => {
    const serverColumns = await tableColumns(server);
    expect(serverColumns).toContain("public.events.event_id:text");
    expect(serverColumns).toContain("projections.system_reports.report:jsonb");
    expect(await tableColumns(embedded)).toEqual(serverColumns);
  });

  it("are idempotent: opening an up-to-date database again applies nothing and keeps the data", async () => {
    await server.db.transaction((tx) => appendEvents(tx, exampleEvents.slice(0, 3), appliedAt));
    const reopened = await openDatabase({ url: scratch.url });
    expect(await countEvents(reopened.db)).toBe(3);
    await reopened.close();
  });

  it.each(["server", "embedded"] as const)(
    "store an event once per (source, id) on the %s",
    async (which) => {
      const handle = which === "server" ? server : embedded;
      const event = { ...exampleEvents[0]!, id: `once-${which}`, subject: `once-${which}` } as MaturityEvent;
      const append = (batch: MaturityEvent[]) =>
        handle.db.transaction((tx) => appendEvents(tx, batch, appliedAt));
      expect(await append([event, event])).toHaveLength(1);
      expect(await append([event])).toHaveLength(0);
      // Same id from another source is another event.
      expect(await append([{ ...event, source: "elsewhere" }])).toHaveLength(1);
      expect(await countEvents(handle.db, { eventId: event.id })).toBe(2);
      const [latest] = await latestEvents(handle.db, { systemId: event.subject, limit: 1 });
      expect(latest?.time).toBe(new Date(event.time).toISOString());
    },
  );
});
