// Durability on the real broker: stop Kafka in the middle of a load, start it again, and check that
// every event answered 202 is in the topic and every other one was told to retry (503).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { EventLog } from "@maturity/log";
import { openKafkaLog } from "@maturity/log";
import { inCI, kafkaAvailable, testKafkaBrokers } from "@maturity/log/testing";
import { exampleEvents } from "@maturity/model";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestPlugin } from "./plugin.ts";

const run = promisify(execFile);
const infra = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../infra");
const runKafka = await kafkaAvailable();
// Stopping the broker is only possible for the one this checkout's infra/kafka-up.sh started
// (its pid file is here); a broker started from another checkout cannot be taken down from this one.
const localBroker = testKafkaBrokers.join(",") === "127.0.0.1:9092" && brokerStartedHere();

function brokerStartedHere(): boolean {
  if (existsSync(path.join(infra, ".kafka", "kafka.pid"))) return true;
  const reason = `the broker at 127.0.0.1:9092 was not started by ${infra}/up, so this checkout cannot stop it`;
  if (inCI) throw new Error(`${reason}; CI must run the outage test: run infra/up from this checkout`);
  console.warn(`\n!! SKIPPING the broker-outage test: ${reason}.\n`);
  return false;
}

async function brokerUp(): Promise<void> {
  await run("bash", [path.join(infra, "kafka-up.sh")], { timeout: 100_000 });
}
async function brokerDown(): Promise<void> {
  await run("bash", [path.join(infra, "kafka-down.sh")], { timeout: 40_000 });
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!runKafka || !localBroker)("ingest durability across a broker outage (real Kafka)", () => {
  const topic = `maturity.ingest-durability-${randomBytes(4).toString("hex")}`;
  let log: EventLog;
  let app: FastifyInstance;

  beforeAll(async () => {
    log = await openKafkaLog({
      brokers: testKafkaBrokers,
      topic,
      partitions: 3,
      clientId: "ingest-durability",
    });
    app = Fastify();
    await app.register(ingestPlugin, { log, config: { appendTimeoutMs: 2_000, retryAfterSeconds: 1 } });
    await app.ready();
  });
  afterAll(async () => {
    // Whatever happened above, leave the broker running for the other suites.
    await brokerUp();
    await app?.close();
    await log?.close();
  });

  it(
    "acknowledges only what Kafka holds, and tells the sender to retry the rest",
    { timeout: 120_000 },
    async () => {
      const template = exampleEvents.find((event) => event.type === "gov.owner.assigned")!;
      const acknowledged = new Set<string>();
      const toldToRetry = new Set<string>();
      const unexpected: string[] = [];
      let sent = 0;
      let sending = true;

      async function sender(lane: number): Promise<void> {
        while (sending) {
          const id = `lane${lane}-${sent++}`;
          const response = await app.inject({
            method: "POST",
            url: "/v1/events",
            headers: { "content-type": "application/cloudevents+json" },
            payload: JSON.stringify({ ...template, id, subject: `system-${lane}` }),
          });
          if (response.statusCode === 202) acknowledged.add(id);
          else if (response.statusCode === 503 && response.headers["retry-after"] === "1")
            toldToRetry.add(id);
          else unexpected.push(`${id}: ${response.statusCode} ${response.body}`);
          if (response.statusCode === 503) await sleep(100);
        }
      }

      const senders = Array.from({ length: 4 }, (_, lane) => sender(lane));
      try {
        await sleep(1_500);
        const beforeOutage = acknowledged.size;
        await brokerDown();
        await sleep(3_000);
        const duringOutageAcks = acknowledged.size;
        await brokerUp();
        // Run until the producer has recovered and acknowledged more, at most 45 s.
        const deadline = Date.now() + 45_000;
        while (acknowledged.size < duringOutageAcks + 50 && Date.now() < deadline) await sleep(200);
        expect(beforeOutage).toBeGreaterThan(0);
      } finally {
        sending = false;
        await Promise.all(senders);
      }

      expect(unexpected).toEqual([]);
      expect(toldToRetry.size, "the outage should have made some appends fail").toBeGreaterThan(0);
      expect(acknowledged.size).toBeGreaterThan(50);

      // Read the whole topic back and dedupe by id, as the event store does.
      const seen = new Map<string, number>();
      const subscription = await log.subscribe(`verify-${topic}`, async (batch) => {
        for (const record of batch.records) {
          const id = (JSON.parse(record.value) as { id: string }).id;
          seen.set(id, (seen.get(id) ?? 0) + 1);
        }
      });
      const deadline = Date.now() + 45_000;
      while ([...acknowledged].some((id) => !seen.has(id)) && Date.now() < deadline) await sleep(250);
      await subscription.stop();

      const missing = [...acknowledged].filter((id) => !seen.has(id));
      expect(missing, "every acknowledged event must be in the log").toEqual([]);
      // Nothing appears that was never sent; a 503'd event may still have landed (its retry dedupes).
      const strangers = [...seen.keys()].filter((id) => !acknowledged.has(id) && !toldToRetry.has(id));
      expect(strangers).toEqual([]);
      const duplicates = [...seen.values()].filter((count) => count > 1).length;
      console.info(
        `durability: sent ${sent}, acknowledged ${acknowledged.size}, told to retry ${toldToRetry.size}, ` +
          `landed anyway ${[...toldToRetry].filter((id) => seen.has(id)).length}, ids stored more than once ${duplicates}`,
      );
    },
  );
});
