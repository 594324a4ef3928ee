import { asc, sql } from "drizzle-orm";
import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { suiteDatabase } from "../testing/suite-database.ts";
import { telemetryEvents } from "../schema/events.ts";
import { criterionResults, llmUsageHourly, systems } from "../schema/projections.ts";
import { insertNewRows, insertRows, replaceRowsOf, upsertRows } from "./bulk-insert.ts";
import { ensureTelemetryPartitions } from "./telemetry-partitions.ts";

// Values that break naive text formats: tabs, newlines, quotes, backslashes, braces, non-ASCII.
const awkward = [
  "tab\there",
  "line\nbreak\r\n",
  'quote " and \\ backslash',
  "{brace,comma}",
  "é ü 漢字 🚀",
  "",
];

const arrayRows = pgTable("array_rows", {
  id: text().primaryKey(),
  counts: integer().array(),
  tags: text().array(),
});

const criterionRow = (systemId: string, index: number) => ({
  systemId,
  criterionId: `c-${index}`,
  axis: awkward[index % awkward.length]!,
  level: index,
  degree: index / 7,
  met: index % 2 === 0,
  status: "met",
  evidence: { ids: awkward, nested: { tab: "\t", n: -1.5e-7, big: 2 ** 53 - 1, none: null } },
});

describe.each(["postgres", "pglite"] as const)("bulk row writes on %s", (driver) => {
  const database = suiteDatabase(driver);

  it("round-trips awkward text, numbers, booleans, jsonb and nulls exactly, over several statements", async () => {
    // 4,500 rows: more than one statement's worth, so the split between statements is exercised.
    const rows = Array.from({ length: 4_500 }, (_, index) => criterionRow(`s-${index % 3}`, index));
    await database().db.transaction((tx) => insertRows(tx, criterionResults, rows));
    const stored = await database().db.select().from(criterionResults).orderBy(asc(criterionResults.level));
    expect(stored).toEqual(rows);
  });

  it("replaces the rows of the systems in scope: new ones written, missing ones deleted, others kept", async () => {
    // Many systems at once (a first load registers thousands in one batch): more keys than a
    // multi-column NOT IN keeps in memory, which once made this delete quadratic.
    const scoped = Array.from({ length: 3_000 }, (_, index) => `replaced-${index}`);
    const before = [...scoped, "not-replaced"].flatMap((systemId) =>
      [0, 1, 2].map((i) => criterionRow(systemId, i)),
    );
    await database().db.transaction((tx) => insertRows(tx, criterionResults, before));
    // In scope now: criteria 1 and 3 (0 and 2 gone, 1 changed, 3 new); "not-replaced" untouched.
    const after = scoped.flatMap((systemId) => [
      { ...criterionRow(systemId, 1), degree: 0.5 },
      criterionRow(systemId, 3),
    ]);
    await database().db.transaction((tx) =>
      replaceRowsOf(tx, criterionResults, after, [criterionResults.systemId, criterionResults.criterionId], {
        column: criterionResults.systemId,
        values: scoped,
      }),
    );
    const stored = await database()
      .db.select()
      .from(criterionResults)
      .orderBy(asc(criterionResults.systemId), asc(criterionResults.criterionId));
    const key = (row: { systemId: string; criterionId: string }) => `${row.systemId}/${row.criterionId}`;
    const expected = [...after, ...before.filter((row) => row.systemId === "not-replaced")];
    const ours = stored.filter((row) => row.systemId.includes("replaced"));
    expect(ours.map(key).sort()).toEqual(expected.map(key).sort());
    expect(stored.find((row) => key(row) === "replaced-7/c-1")?.degree).toBe(0.5);
  });

  it("stores SQL NULL for null and undefined, and timestamps as instants", async () => {
    await database().db.transaction((tx) =>
      insertRows(tx, systems, [
        { systemId: "a\tb", name: null, team: undefined, latestEventAt: "2026-11-24T13:00:00+01:00" },
      ]),
    );
    const [row] = await database().db.select().from(systems);
    expect(row).toMatchObject({ systemId: "a\tb", name: null, team: null, eventCount: 0 });
    expect(new Date(row!.latestEventAt).toISOString()).toBe("2026-11-24T12:00:00.000Z");
  });

  it("upserts with merge expressions", async () => {
    const base = {
      systemId: "s",
      feature: 'f "1"',
      hour: "2026-11-24T10:00:00.000Z",
      calls: 1,
      errors: 0,
      inputTokens: 10,
      outputTokens: 20,
      costUsd: 0.25,
      latencyBuckets: { 1: 2, 2: 1 },
    };
    const merge = {
      calls: "llm_usage_hourly.calls + excluded.calls",
      latencyBuckets: "llm_usage_hourly.latency_buckets || excluded.latency_buckets",
    };
    const key = [llmUsageHourly.systemId, llmUsageHourly.feature, llmUsageHourly.hour];
    await database().db.transaction((tx) => upsertRows(tx, llmUsageHourly, [base], key, merge));
    await database().db.transaction((tx) =>
      upsertRows(
        tx,
        llmUsageHourly,
        [{ ...base, calls: 2, costUsd: 1.5, latencyBuckets: { 0: 1, 3: 4 } }],
        key,
        merge,
      ),
    );
    const [row] = await database().db.select().from(llmUsageHourly);
    expect(row).toMatchObject({
      calls: 3,
      costUsd: 1.5,
      latencyBuckets: { 0: 1, 1: 2, 2: 1, 3: 4 },
      feature: 'f "1"',
    });

    // "Unchanged" compares whole rows, which a merge does not replace: the pair is refused.
    await expect(
      database().db.transaction((tx) =>
        upsertRows(tx, llmUsageHourly, [{ ...base, calls: 7 }], key, merge, { onlyIfChanged: true }),
      ),
    ).rejects.toThrow(/onlyIfChanged .* cannot be combined with merge/);
    const [after] = await database().db.select().from(llmUsageHourly);
    expect(after).toMatchObject({ calls: 3 });
  });

  it("round-trips array columns, cast from their literal", async () => {
    // No platform table has an array column today; the writer still supports them.
    await database().db.execute(
      sql`create table array_rows (id text primary key, counts integer[], tags text[])`,
    );
    const rows = [
      { id: "a", counts: [0, 2, -1], tags: awkward },
      { id: "b", counts: [], tags: null },
    ];
    await database().db.transaction((tx) => insertRows(tx, arrayRows, rows));
    expect(await database().db.select().from(arrayRows).orderBy(asc(arrayRows.id))).toEqual(rows);
  });

  it("inserts only rows whose key is free and returns exactly those", async () => {
    const event = (id: string) => ({
      source: "src\t1",
      eventId: id,
      type: "llm.call.completed",
      systemId: "s",
      time: "2026-11-24T10:00:00.000Z",
      payload: { id, text: "multi\nline" },
      appliedAt: "2026-11-24T12:00:00.000Z",
    });
    await database().db.transaction((tx) => ensureTelemetryPartitions(tx, ["2026-11-24T10:00:00.000Z"]));
    const insertTelemetry = (rows: object[]) =>
      database().db.transaction((tx) =>
        insertNewRows(tx, telemetryEvents, rows, [telemetryEvents.source, telemetryEvents.eventId]),
      );
    const first = await insertTelemetry([event("a"), event("b")]);
    const second = await insertTelemetry([event("b"), event("c")]);
    expect(first.map((row) => row.event_id).sort()).toEqual(["a", "b"]);
    expect(second).toEqual([{ source: "src\t1", event_id: "c" }]);
    const stored = await database().db.select().from(telemetryEvents).orderBy(asc(telemetryEvents.eventId));
    expect(stored.map((row) => row.payload)).toEqual(
      [event("a"), event("b"), event("c")].map((e) => e.payload),
    );
  });
});
