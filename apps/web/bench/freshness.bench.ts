// Freshness: milliseconds from ingest's acknowledgement (HTTP 202) of an event to the score change
// it causes being readable in the projections, measured under a steady background load, on the
// real Kafka broker and Postgres server in the distributed mode. Run: npm run bench -w @maturity/web
import { randomBytes } from "node:crypto";
import { sql } from "@maturity/db";
import { createScratchDatabase, testDatabaseUrl } from "@maturity/db/testing";
import { testKafkaBrokers } from "@maturity/log/testing";
import type { MaturityEvent } from "@maturity/model";
import { readEnv } from "../src/server/env.ts";
import { startPlatform } from "../src/server/platform.ts";

const backgroundPerSecond = Number(process.argv[2] ?? 1_000);
const seconds = Number(process.argv[3] ?? 20);
const suffix = randomBytes(4).toString("hex");
const scratch = await createScratchDatabase(testDatabaseUrl);
const platform = await startPlatform({
  ...readEnv({ INGEST_AUTH: "off" }),
  PORT: 0,
  HOST: "127.0.0.1",
  DATABASE_URL: scratch.url,
  kafkaBrokers: testKafkaBrokers,
  KAFKA_TOPIC: `maturity.bench-fresh-${suffix}`,
  WORKER_GROUP_ID: `fresh-${suffix}`,
  LOG_LEVEL: "warn",
});

const now = () => new Date().toISOString();
let sequence = 0;
function backgroundEvent(): MaturityEvent {
  sequence += 1;
  return {
    specversion: "1.0",
    id: `bg-${suffix}-${sequence}`,
    source: "bench://background",
    type: "llm.call.completed",
    time: now(),
    subject: `background-${sequence % 50}`,
    data: {
      model: "gpt-x",
      inputTokens: 300,
      outputTokens: 90,
      latencyMs: 700,
      status: "ok",
      costUsd: 0.002,
      feature: "search",
    },
  } as MaturityEvent;
}

async function post(body: unknown, batch: boolean): Promise<void> {
  const response = await fetch(`${platform.url}/v1/events`, {
    method: "POST",
    headers: {
      "content-type": batch ? "application/cloudevents-batch+json" : "application/cloudevents+json",
    },
    body: JSON.stringify(body),
  });
  if (response.status !== 202)
    throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
}

// Background: batches of 100 every 100 ms (1,000 events/s by default).
let stopBackground = false;
const perTick = Math.max(1, Math.round(backgroundPerSecond / 10));
const background = (async () => {
  while (!stopBackground) {
    const tick = performance.now();
    await post(Array.from({ length: perTick }, backgroundEvent), true);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (performance.now() - tick))));
  }
})();

// Probes: each registers a new system, whose first scores are the change we wait to read.
const latencies: number[] = [];
const deadline = performance.now() + seconds * 1000;
await new Promise((resolve) => setTimeout(resolve, 2_000)); // let the group settle
while (performance.now() < deadline) {
  const id = `probe-${suffix}-${latencies.length}`;
  const probe = {
    specversion: "1.0",
    id,
    source: "bench://probe",
    type: "gov.owner.assigned",
    time: now(),
    subject: `probe-system-${latencies.length}`,
    data: { owner: "bench" },
  };
  await post(probe, false);
  const acknowledged = performance.now();
  for (;;) {
    const rows = (await platform.database.db.execute(
      sql`select 1 from projections.score_history where cause_event_id = ${id} limit 1`,
    )) as unknown as unknown[];
    if (rows.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  latencies.push(performance.now() - acknowledged);
  await new Promise((resolve) => setTimeout(resolve, 200));
}
stopBackground = true;
await background;
const applied = platform.worker?.metrics.eventsApplied ?? 0;
await platform.close();
await scratch.drop();

latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!;
console.log(
  `freshness under ${backgroundPerSecond} events/s background for ${seconds} s (${applied} events applied):`,
);
console.table({
  "ack → score readable (ms)": {
    probes: latencies.length,
    p50: Math.round(at(0.5)),
    p99: Math.round(at(0.99)),
    max: Math.round(latencies.at(-1)!),
  },
});
console.log(`p99 ${Math.round(at(0.99))} ms (aim < 1,000 ms)`);
