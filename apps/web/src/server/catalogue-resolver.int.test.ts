import { openDatabase } from "@maturity/db";
import type { DatabaseHandle } from "@maturity/db";
import { applyBatch } from "@maturity/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogueResolver } from "./catalogue-resolver.ts";
import { appRouter } from "./router.ts";
import { createCallerFactory, createInnerContext } from "./trpc.ts";

const createCaller = createCallerFactory(appRouter);

describe("resolving native ids from the catalogue (embedded PGlite)", () => {
  let store: DatabaseHandle;
  beforeAll(async () => {
    store = await openDatabase({ inMemory: true });
  });
  afterAll(async () => {
    await store?.close();
  });

  it("answers the system a catalogue entry maps an id to, and nothing for an unknown id", async () => {
    const resolve = catalogueResolver(store.db, 0);
    expect(await resolve({ kind: "repo", id: "org/fraud" })).toBeUndefined();
    const registered = {
      specversion: "1.0",
      id: "reg-1",
      source: "catalog://admin",
      type: "catalog.system.registered",
      time: "2026-11-01T00:00:00Z",
      subject: "fraud-scoring",
      data: {
        name: "Fraud scoring",
        team: "risk",
        kind: "classical",
        riskTier: "high",
        sources: { repos: ["org/fraud"], services: ["fraud-api"], gpuQueues: ["risk-gpu"] },
      },
    };
    await applyBatch(
      store.db,
      [{ key: "fraud-scoring", value: JSON.stringify(registered), position: "r@0" }],
      Date.parse("2026-11-01T01:00:00Z"),
    );
    expect(await resolve({ kind: "repo", id: "org/fraud" })).toBe("fraud-scoring");
    expect(await resolve({ kind: "service", id: "fraud-api" })).toBe("fraud-scoring");
    expect(await resolve({ kind: "gpuQueue", id: "risk-gpu" })).toBe("fraud-scoring");
    expect(await resolve({ kind: "registryModel", id: "org/fraud" })).toBeUndefined();
  });

  it("lists unmapped ids over tRPC with their counts until a catalogue entry maps them", async () => {
    const caller = createCaller(createInnerContext({ db: store.db }));
    const orphan = {
      specversion: "1.0",
      id: "run-9",
      source: "github://org/churn",
      type: "ci.pipeline.completed",
      time: "2026-11-02T00:00:00Z",
      subject: "unmapped:repo:org/churn",
      data: { pipeline: "training", status: "succeeded", trigger: "schedule" },
    };
    await applyBatch(
      store.db,
      [{ key: orphan.subject, value: JSON.stringify(orphan), position: "o@0" }],
      Date.parse("2026-11-02T01:00:00Z"),
    );
    expect(await caller.sources.unmapped()).toEqual([
      expect.objectContaining({ ref: "repo:org/churn", eventCount: 1, mappedTo: null }),
    ]);
  });
});
