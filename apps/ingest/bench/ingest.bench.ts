// npm run bench -w @maturity/ingest: events/s accepted through POST /v1/events (batches of 100,
// bearer auth, full validation, acks=all) beside a raw kafkajs producer sending the same messages
// with the same producer settings, in the same run against the same broker.
import { randomBytes } from "node:crypto";
import { openKafkaLog } from "@maturity/log";
import { testKafkaBrokers } from "@maturity/log/testing";
import { exampleEvents } from "@maturity/model";
import Fastify from "fastify";
import { Kafka, Partitioners, logLevel } from "kafkajs";
import { ingestPlugin } from "../src/plugin.ts";

const batchSize = 100;
const batches = Number(process.env.BENCH_BATCHES ?? 300);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const token = "bench-token";
const runId = randomBytes(4).toString("hex");

// Realistic mixed events: the catalogue's examples with unique ids and a handful of systems.
const events = Array.from({ length: batches * batchSize }, (_, index) => {
  const example = exampleEvents[index % exampleEvents.length]!;
  return { ...example, id: `bench-${runId}-${index}`, subject: `system-${index % 20}` };
});
const batchBodies = Array.from({ length: batches }, (_, index) =>
  events.slice(index * batchSize, (index + 1) * batchSize),
);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs `work(i)` for every batch with `concurrency` in flight; returns wall time and per-call latency. */
async function drive(
  work: (index: number) => Promise<void>,
): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches) {
        const index = next++;
        const t = performance.now();
        await work(index);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

async function benchIngest(): Promise<{ eventsPerSecond: number; p50: number; p99: number }> {
  const log = await openKafkaLog({
    brokers: testKafkaBrokers,
    topic: `maturity.bench-ingest-${runId}`,
    partitions: 6,
    clientId: "bench-ingest",
  });
  const app = Fastify({ logger: false });
  await app.register(ingestPlugin, { log, config: { bearerAuth: true, tokens: [token] } });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const post = async (index: number) => {
    const response = await fetch(`${base}/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/cloudevents-batch+json", authorization: `Bearer ${token}` },
      body: JSON.stringify(batchBodies[index]),
    });
    if (response.status !== 202)
      throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  };
  for (let i = 0; i < 5; i++) await post(i); // warm-up: connections, JIT
  const { seconds, latencies } = await drive(post);
  await app.close();
  await log.close();
  return {
    eventsPerSecond: (batches * batchSize) / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function benchRawProducer(): Promise<{ eventsPerSecond: number; p50: number; p99: number }> {
  const kafka = new Kafka({ clientId: "bench-raw", brokers: testKafkaBrokers, logLevel: logLevel.WARN });
  const admin = kafka.admin();
  await admin.connect();
  const topic = `maturity.bench-raw-${runId}`;
  await admin.createTopics({
    topics: [{ topic, numPartitions: 6, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  await admin.disconnect();
  // The same settings as the event log's producer: one request in flight, acks=all, not idempotent.
  const producer = kafka.producer({
    idempotent: false,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const send = async (index: number) => {
    await producer.send({
      topic,
      acks: -1,
      messages: batchBodies[index]!.map((event) => ({ key: event.subject, value: JSON.stringify(event) })),
    });
  };
  for (let i = 0; i < 5; i++) await send(i);
  const { seconds, latencies } = await drive(send);
  await producer.disconnect();
  return {
    eventsPerSecond: (batches * batchSize) / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

const raw = await benchRawProducer();
const ingest = await benchIngest();
const format = (n: number) => n.toFixed(1);
console.log(
  `ingest bench: ${batches} batches of ${batchSize} events, ${concurrency} in flight, broker ${testKafkaBrokers.join(",")}`,
);
console.log(
  `  raw kafkajs producer : ${Math.round(raw.eventsPerSecond)} events/s, per batch p50 ${format(raw.p50)} ms, p99 ${format(raw.p99)} ms`,
);
console.log(
  `  POST /v1/events      : ${Math.round(ingest.eventsPerSecond)} events/s, ack p50 ${format(ingest.p50)} ms, p99 ${format(ingest.p99)} ms`,
);
console.log(`  ratio ingest / raw   : ${(ingest.eventsPerSecond / raw.eventsPerSecond).toFixed(2)}`);
