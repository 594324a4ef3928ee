import type { MaturityEvent } from "@maturity/model";
import { chainHash, genesisHash } from "@maturity/model/chain";
import { describe, expect, it } from "vitest";
import { suiteDatabase, type Driver } from "../testing/suite-database.ts";
import { knownSystemIds, storedAuditSource, storedChainHeadAsOf } from "./audit-source.ts";
import { appendEvents } from "./event-store.ts";
import { saveQueueFacts } from "./projections.ts";
import { saveSourceMappings } from "./source-mappings.ts";
import { applyToSystems } from "./systems.ts";

const t0 = Date.parse("2026-10-01T00:00:00Z");
const at = (hours: number) => new Date(t0 + hours * 3_600_000).toISOString();

function event(
  id: string,
  subject: string,
  type: string,
  hours: number,
  data: Record<string, unknown>,
): MaturityEvent {
  return {
    specversion: "1.0",
    id,
    source: "test://audit",
    type,
    time: at(hours),
    subject,
    data,
  } as MaturityEvent;
}

const deploy = (id: string, subject: string, hours: number) =>
  event(id, subject, "deploy.completed", hours, {
    environment: "production",
    status: "succeeded",
    strategy: "canary",
    version: id,
    deploymentId: id,
  });
const call = (id: string, subject: string, hours: number) =>
  event(id, subject, "llm.call.completed", hours, {
    model: "m",
    provider: "p",
    inputTokens: 1,
    outputTokens: 1,
    latencyMs: 10,
    status: "ok",
  });

// Stored in this order: the chain's ninth link (h 30) is dated after its tenth and later ones (h 5…).
const own = [
  ...Array.from({ length: 8 }, (_, i) => deploy(`own-${i}`, "fraud", i)),
  deploy("own-late", "fraud", 30),
  ...Array.from({ length: 8 }, (_, i) => deploy(`own-${8 + i}`, "fraud", 5 + i)),
];
const telemetry = Array.from({ length: 11 }, (_, i) => call(`span-${i}`, "fraud", i + 0.5));
const native = Array.from({ length: 9 }, (_, i) => deploy(`native-${i}`, "unmapped:repo:acme/fraud", i));
const nativeTelemetry = Array.from({ length: 5 }, (_, i) =>
  call(`native-span-${i}`, "unmapped:service:fraud-api", i),
);
const queues = [
  event("q-1", "risk-training", "gpu.queue.configured", 1, {
    queue: "risk-training",
    fairSharing: true,
    preemption: true,
  }),
  event("q-2", "risk-training", "gpu.queue.configured", 40, {
    queue: "risk-training",
    fairSharing: true,
    preemption: true,
  }),
];
const others = [deploy("other-1", "search", 1), deploy("other-native", "unmapped:repo:acme/search", 1)];
const asOf = at(20);

describe.each<Driver>(["postgres", "pglite"])("the audit pack's reads of the store (%s)", (driver) => {
  const database = suiteDatabase(driver);

  async function load() {
    const { db } = database();
    const all = [...own, ...telemetry, ...native, ...nativeTelemetry, ...queues, ...others];
    await db.transaction(async (tx) => {
      const stored = await appendEvents(tx, all, at(50));
      await applyToSystems(tx, stored);
      await saveSourceMappings(tx, [
        { ref: "repo:acme/fraud", systemId: "fraud" },
        { ref: "service:fraud-api", systemId: "fraud" },
        { ref: "repo:acme/search", systemId: "search" },
      ]);
      await saveQueueFacts(tx, { "risk-training": {} });
    });
  }

  it("gives the system's chain up to asOf with its stored hashes, then everything else bearing on it, page by page", async () => {
    await load();
    const { db } = database();
    const source = await storedAuditSource(db, "fraud", { asOf, pageSize: 4 });
    expect(source.nativeIds).toEqual(["repo:acme/fraud", "service:fraud-api"]);
    const read: { id: string; hash?: string }[] = [];
    for await (const item of source.events())
      read.push({ id: item.event.id, ...(item.hash && { hash: item.hash }) });

    // The chain runs through its late-dated ninth link to its last link at or before asOf: all 17.
    let head = genesisHash;
    const chain = own.map((e) => ({ id: e.id, hash: (head = chainHash(head, e)) }));
    expect(read.slice(0, own.length)).toEqual(chain);
    const rest = read.slice(own.length).map((item) => item.id);
    expect(rest).toEqual([
      ...telemetry.map((e) => e.id),
      ...native.map((e) => e.id),
      ...nativeTelemetry.map((e) => e.id),
      "q-1", // q-2 is after asOf
    ]);
    expect(read.slice(own.length).every((item) => item.hash === undefined)).toBe(true);
    // A second pass reads the same again.
    const again: string[] = [];
    for await (const item of source.events()) again.push(item.event.id);
    expect(again).toEqual(read.map((item) => item.id));
  });

  it("cuts the chain at its last link at or before an earlier asOf", async () => {
    const { db } = database();
    const early = at(6.5); // own-0…own-6 and own-8…(h 5, 6): the last link at or before it is own-9 (h 6)
    const head = await storedChainHeadAsOf(db, "fraud", early);
    expect(head?.systemSeq).toBe(11);
    const source = await storedAuditSource(db, "fraud", { asOf: early, pageSize: 3 });
    const chained: string[] = [];
    for await (const item of source.events()) if (item.hash !== undefined) chained.push(item.event.id);
    expect(chained).toEqual(own.slice(0, 11).map((e) => e.id));
    expect(await storedChainHeadAsOf(db, "fraud", at(-1))).toBeNull();
  });

  it("knows the systems the store has seen, and none of the native ids", async () => {
    expect(await knownSystemIds(database().db)).toEqual(["fraud", "search"]); // not the GPU queue
  });
});
