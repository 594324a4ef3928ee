import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addToBuckets } from "../latency-buckets.ts";
import { llmUsageHourly } from "../schema/projections.ts";
import { llmCall as call } from "../testing/llm-call.ts";
import { suiteDatabase } from "../testing/suite-database.ts";
import { aggregateLlmUsage, llmUsageSummary, upsertLlmUsage } from "./llm-usage.ts";

describe.each(["postgres", "pglite"] as const)("hourly LLM usage on %s", (driver) => {
  const database = suiteDatabase(driver);

  it("keeps only the non-empty latency buckets, adding batches into the same hour bucket by bucket", async () => {
    const batches = [
      [call("a", "2026-11-24T10:05:00Z", 100), call("b", "2026-11-24T10:10:00Z", 100)],
      [call("c", "2026-11-24T10:40:00Z", 100), call("d", "2026-11-24T10:50:00Z", 5_000)],
    ];
    for (const batch of batches)
      await database().db.transaction((tx) => upsertLlmUsage(tx, aggregateLlmUsage(batch)));

    const dense: number[] = [];
    for (const latency of [100, 100, 100, 5_000]) addToBuckets(dense, latency);
    const [row] = await database().db.select().from(llmUsageHourly);
    expect(row).toMatchObject({ calls: 4, inputTokens: 400 });
    expect(row!.latencyBuckets).toEqual(
      Object.fromEntries(dense.flatMap((count, index) => (count > 0 ? [[String(index), count]] : []))),
    );

    const summary = await llmUsageSummary(database().db, {
      systemId: "support-assistant",
      from: "2026-11-24T00:00:00Z",
      to: "2026-11-25T00:00:00Z",
    });
    expect(summary.calls).toBe(4);
    expect(summary.latencyMs.p50).toBeGreaterThanOrEqual(100);
    expect(summary.latencyMs.p50).toBeLessThan(100 * 1.19);
    expect(summary.latencyMs.p99).toBeGreaterThanOrEqual(5_000);
    expect(summary.latencyMs.p99).toBeLessThan(5_000 * 1.19);
  });

  it("is what the migration makes of the dense histograms stored before it", async () => {
    const built = await database().db.select().from(llmUsageHourly);
    // The column as it was before the migration: a dense integer array, zeros included.
    for (const change of ["drop default", "type integer[] using '{}'", "set default '{}'::integer[]"])
      await database().db.execute(
        sql.raw(`alter table projections.llm_usage_hourly alter column latency_buckets ${change}`),
      );
    const dense: number[] = [];
    for (const latency of [100, 100, 100, 5_000]) addToBuckets(dense, latency);
    await database().db.execute(
      sql`update projections.llm_usage_hourly set latency_buckets = ${`{${dense.join(",")}}`}::integer[]`,
    );
    const migration = readFileSync(
      new URL("../../drizzle/0008_sparse_latency_histograms.sql", import.meta.url),
      "utf8",
    ).split("--> statement-breakpoint");
    for (const statement of migration) await database().db.execute(sql.raw(statement));
    expect(await database().db.select().from(llmUsageHourly)).toEqual(built);
  });
});
