import type { MaturityEvent } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { llmCall } from "../testing/llm-call.ts";
import { suiteDatabase } from "../testing/suite-database.ts";
import { appendEvents } from "./event-store.ts";
import { aggregateLlmUsage, upsertLlmUsage } from "./llm-usage.ts";
import { storageCost, storageParts } from "./storage-cost.ts";

const owner = (id: string, name: string): MaturityEvent =>
  ({
    specversion: "1.0",
    id,
    source: "test://storage",
    type: "gov.owner.assigned",
    time: "2026-11-20T09:00:00Z",
    subject: "support-assistant",
    data: { owner: name },
  }) as MaturityEvent;

describe.each(["postgres", "pglite"] as const)("storage cost on %s", (driver) => {
  const database = suiteDatabase(driver);

  it("counts each part's tables, TOAST and indexes, and sums them into the overall", async () => {
    const before = await storageCost(database().db);
    const calls = Array.from({ length: 300 }, (_, index) =>
      llmCall(`call-${index}`, "2026-11-20T09:00:00Z", 100 + index),
    );
    const owners = Array.from({ length: 300 }, (_, index) => owner(`owner-${index}`, `person-${index}`));
    await database().db.transaction(async (tx) => {
      const fresh = await appendEvents(tx, [...owners, ...calls], "2026-11-24T00:00:00Z");
      await upsertLlmUsage(tx, aggregateLlmUsage(fresh));
    });
    const after = await storageCost(database().db);

    // The event store, telemetry (its month's partition) and the usage rollups grew.
    for (const part of ["event store", "telemetry", "projections"] as const) {
      expect(after[part].total, part).toBeGreaterThan(before[part].total);
      expect(after[part].indexes, part).toBeGreaterThan(0);
    }
    for (const field of ["table", "toast", "indexes", "total"] as const)
      expect(after.overall[field]).toBe(storageParts.reduce((sum, part) => sum + after[part][field], 0));
    for (const part of storageParts)
      expect(after[part].total).toBe(after[part].table + after[part].toast + after[part].indexes);
  });
});
