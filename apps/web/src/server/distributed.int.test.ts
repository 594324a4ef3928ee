import { randomBytes } from "node:crypto";
import type { ScratchDatabase } from "@maturity/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, testDatabaseUrl } from "@maturity/db/testing";
import { checkIngestFlow } from "../../test/ingest-flow.ts";
import { checkLiveScoreChanges } from "../../test/live-flow.ts";
import { kafkaAvailable, testKafkaBrokers as kafkaBrokers } from "@maturity/log/testing";
import type { RunningPlatform } from "./platform.ts";
import { distributedConfig } from "../../test/distributed-config.ts";
import { startPlatform } from "./platform.ts";

const runKafka = await kafkaAvailable();

describe.skipIf(!runKafka)("distributed mode on the real Kafka broker and Postgres server", () => {
  let scratch: ScratchDatabase;
  let platform: RunningPlatform;
  const suffix = randomBytes(4).toString("hex");

  beforeAll(async () => {
    scratch = await createScratchDatabase(testDatabaseUrl);
    platform = await startPlatform(distributedConfig(scratch.url, kafkaBrokers, `test-${suffix}`));
  });

  afterAll(async () => {
    await platform?.close();
    await scratch?.drop();
  });

  it("runs on Postgres and Kafka, not the embedded stand-ins", () => {
    expect(platform.mode).toBe("distributed");
    expect(platform.database.driver).toBe("postgres");
    expect(platform.log.kind).toBe("kafka");
  });

  it("answers /readyz once it can accept events", async () => {
    const response = await fetch(`${platform.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ready", databaseReady: true, logWritable: true });
  });

  it("stores a posted event once, shows it over tRPC, and refuses invalid input", async () => {
    await checkIngestFlow(platform.url, `fraud-scoring-${suffix}`);
  });

  it("pushes a score change to an open live subscription", async () => {
    await checkLiveScoreChanges(platform.url, `live-assistant-${suffix}`);
  });
});
