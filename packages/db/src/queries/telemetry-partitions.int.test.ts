import { describe, expect, it } from "vitest";
import { llmCall as call } from "../testing/llm-call.ts";
import { suiteDatabase } from "../testing/suite-database.ts";
import { appendEvents, countEvents } from "./event-store.ts";
import { aggregateLlmUsage, llmUsageSummary, upsertLlmUsage } from "./llm-usage.ts";
import { dropExpiredTelemetryPartitions } from "./telemetry-partitions.ts";

describe("telemetry partitions and retention on the real Postgres server", () => {
  const database = suiteDatabase("postgres");

  it("files calls by month, drops months past retention, and keeps their hourly rollups", async () => {
    const calls = [
      call("a", "2026-08-10T10:05:00Z", 100),
      call("b", "2026-08-10T10:40:00Z", 300),
      call("c", "2026-11-20T09:00:00Z", 900),
    ];
    await database().db.transaction(async (tx) => {
      const fresh = await appendEvents(tx, calls, "2026-11-24T00:00:00Z");
      await upsertLlmUsage(tx, aggregateLlmUsage(fresh));
    });
    expect(await countEvents(database().db)).toBe(3);

    const dropped = await dropExpiredTelemetryPartitions(
      database().db,
      30,
      Date.parse("2026-11-24T00:00:00Z"),
    );
    expect(dropped).toEqual(["telemetry_events_2026_08"]);
    expect(await countEvents(database().db)).toBe(1);

    const august = await llmUsageSummary(database().db, {
      systemId: "support-assistant",
      from: "2026-08-01T00:00:00Z",
      to: "2026-09-01T00:00:00Z",
    });
    expect(august).toMatchObject({ calls: 2, inputTokens: 200, outputTokens: 40 });
    expect(august.costUsd).toBeCloseTo(0.02, 10);
    // Histogram percentiles: within one log bucket (about 19%) above the true values.
    expect(august.latencyMs.p50).toBeGreaterThanOrEqual(100);
    expect(august.latencyMs.p50).toBeLessThan(100 * 1.19);
    expect(august.latencyMs.p99).toBeGreaterThanOrEqual(300);
    expect(august.latencyMs.p99).toBeLessThan(300 * 1.19);
  });
});
