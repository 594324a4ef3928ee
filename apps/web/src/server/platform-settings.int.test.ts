// `npm start` honours the worker settings the standalone worker does: from the environment
// (readEnv) through startWithFirstRun / startPlatform to the worker and its Kafka consumer.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { rowsOf, sql } from "@maturity/db";
import type { ScratchDatabase } from "@maturity/db/testing";
import { createScratchDatabase, testDatabaseUrl } from "@maturity/db/testing";
import { openKafkaLog } from "@maturity/log";
import { kafkaAvailable, testKafkaBrokers } from "@maturity/log/testing";
import { describe, expect, it } from "vitest";
import { readEnv } from "./env.ts";
import { startWithFirstRun } from "./first-run.ts";
import { startPlatform, type RunningPlatform } from "./platform.ts";

const fixedClock = "2026-02-03T04:05:06.000Z";
const runKafka = await kafkaAvailable();

/** The clock readings of the periodic re-scores so far. */
async function rescoreTicks(platform: RunningPlatform): Promise<string[]> {
  const rows = rowsOf<{ at: string | Date }>(
    await platform.database.db.execute(sql`select at from rescore_ticks order by at`),
  );
  return rows.map((row) => new Date(row.at).toISOString());
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("npm start honours the worker's settings", () => {
  it("RESCORE_INTERVAL_MS and WORKER_FIXED_CLOCK, in the embedded mode", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "maturity-settings-"));
    const env = readEnv({
      MATURITY_DATA_DIR: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "error",
      MATURITY_ROLES: "worker",
      // The default (15 min) would not re-score within this test at all.
      RESCORE_INTERVAL_MS: "200",
      WORKER_FIXED_CLOCK: fixedClock,
    });
    const { platform } = await startWithFirstRun(env, { reset: false, demo: false, progress: false });
    try {
      expect(platform.mode).toBe("embedded");
      // A re-score records its clock: the timer ran, on the pinned clock.
      expect(
        await eventually(
          () => rescoreTicks(platform),
          (ticks) => ticks.length > 0,
          "a re-score",
        ),
      ).toEqual([fixedClock]);
    } finally {
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it.skipIf(!runKafka)(
    "WORKER_MAX_BATCH_BYTES (and the re-score settings), on Kafka and Postgres",
    async () => {
      const name = `settings-${randomBytes(4).toString("hex")}`;
      const topic = `maturity.events.${name}`;
      // Twelve records of ~700 bytes, each appended alone (one Kafka record batch each), all in
      // the log before the worker starts: with the default 1 MiB one fetch takes them all.
      const records = Array.from({ length: 12 }, (_, index) => ({
        key: `system-${index}`,
        value: JSON.stringify({ not: "an event", index, padding: "x".repeat(700) }),
      }));
      const writer = await openKafkaLog({ brokers: testKafkaBrokers, topic, partitions: 1 });
      for (const record of records) await writer.append([record]);
      await writer.close();

      const scratch: ScratchDatabase = await createScratchDatabase(testDatabaseUrl);
      let platform: RunningPlatform | undefined;
      try {
        platform = await startPlatform(
          readEnv({
            DATABASE_URL: scratch.url,
            KAFKA_BROKERS: testKafkaBrokers.join(","),
            KAFKA_TOPIC: topic,
            KAFKA_PARTITIONS: "1",
            WORKER_GROUP_ID: `maturity-worker-${name}`,
            PORT: "0",
            HOST: "127.0.0.1",
            LOG_LEVEL: "error",
            MATURITY_ROLES: "worker",
            WORKER_MAX_BATCH_BYTES: "1024",
            RESCORE_INTERVAL_MS: "200",
            WORKER_FIXED_CLOCK: fixedClock,
          }),
        );
        expect(platform.mode).toBe("distributed");
        const metrics = platform.worker!.metrics;
        // Not events: every record is dead-lettered, one batch (transaction) per fetch.
        await eventually(
          async () => metrics.deadLettered + metrics.eventsApplied,
          (taken) => taken === records.length,
          "every record",
        );
        expect(metrics.batches).toBeGreaterThanOrEqual(records.length / 2);
        expect(
          await eventually(
            () => rescoreTicks(platform!),
            (ticks) => ticks.length > 0,
            "a re-score",
          ),
        ).toEqual([fixedClock]);
      } finally {
        await platform?.close();
        await scratch.drop();
      }
    },
  );
});
