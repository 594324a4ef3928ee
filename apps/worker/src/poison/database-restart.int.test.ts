import { randomBytes } from "node:crypto";
import type { DatabaseHandle } from "@maturity/db";
import { countEvents, listDeadLetters, openDatabase, verifyChain } from "@maturity/db";
import { startPrivatePostgres, type PrivatePostgres } from "@maturity/db/testing";
import type { EventLog } from "@maturity/log";
import { openKafkaLog } from "@maturity/log";
import { kafkaAvailable, testKafkaBrokers } from "@maturity/log/testing";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chunks, copyOfEvent, scenarioEvents } from "../../test/scenario-events.ts";
import { waitFor } from "../../test/wait-for.ts";
import type { Readiness } from "../health.ts";
import { startWorker, type RunningWorker } from "../worker.ts";

const runKafka = await kafkaAvailable();

describe.skipIf(!runKafka)("a PostgreSQL restart in the middle of a stream", () => {
  const suffix = randomBytes(4).toString("hex");
  const events = [0, 1].flatMap((copy) => scenarioEvents().map((event) => copyOfEvent(event, `-r${copy}`)));
  let server: PrivatePostgres;
  let handle: DatabaseHandle;
  let log: EventLog;
  let worker: RunningWorker | undefined;

  beforeAll(async () => {
    server = await startPrivatePostgres(25_000 + Math.floor(Math.random() * 5_000));
    handle = await openDatabase({ url: server.url });
    log = await openKafkaLog({
      brokers: testKafkaBrokers,
      topic: `maturity.restart-${suffix}`,
      partitions: 3,
      // Small batches, so the stream is still flowing when the server goes down.
      maxBatchBytes: 4096,
    });
    for (const slice of chunks(events, 500)) {
      await log.append(slice.map((event) => ({ key: event.subject, value: JSON.stringify(event) })));
    }
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await log?.close();
    await handle?.close();
    await server?.stop();
  }, 60_000);

  it("dead-letters nothing, loses nothing, and is not ready while it cannot write", async () => {
    worker = await startWorker({
      db: handle.db,
      log,
      groupId: `restart-${suffix}`,
      logger: pino({ level: "silent" }),
      clock: () => Date.parse("2026-11-24T12:00:00.000Z"),
      rescoreIntervalMs: 0,
    });
    const running = worker;
    const samples: Readiness[] = [];
    const sampler = setInterval(() => samples.push(running.readiness()), 50);
    try {
      await waitFor(
        async () => (await countEvents(handle.db)) > events.length / 4,
        "a quarter of the stream",
        120_000,
      );
      expect(await countEvents(handle.db)).toBeLessThan(events.length);
      await server.restart(3_000);
      await waitFor(
        async () => (await countEvents(handle.db).catch(() => 0)) === events.length,
        "every event to be stored after the restart",
        180_000,
      );
    } finally {
      clearInterval(sampler);
    }
    expect(await listDeadLetters(handle.db, { includeRedriven: true })).toEqual([]);
    expect(running.metrics.deadLettered).toBe(0);
    expect((await verifyChain(handle.db)).broken).toBeUndefined();
    const waiting = samples.filter((sample) => !sample.ready);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting[0]!.reasons[0]).toMatch(/^the worker cannot write to the database/);
    expect(running.readiness()).toEqual({ ready: true, reasons: [] });
  }, 300_000);
});
