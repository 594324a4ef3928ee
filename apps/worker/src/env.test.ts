import { describe, expect, it } from "vitest";
import { readEnv } from "./env.ts";
import { workerKafkaOptionsFrom, workerOptionsFrom } from "./settings.ts";

const servers = {
  DATABASE_URL: "postgres://postgres@127.0.0.1:5432/maturity",
  KAFKA_BROKERS: "a:9092, b:9092",
};

describe("the standalone worker's settings", () => {
  it("requires the servers `npm start` may leave out", () => {
    expect(() => readEnv({})).toThrow(
      /^invalid configuration: DATABASE_URL: set DATABASE_URL to a postgres:\/\/ URL.*; KAFKA_BROKERS: set KAFKA_BROKERS/,
    );
    expect(() => readEnv({ ...servers, DATABASE_URL: "mysql://x" })).toThrow(
      "invalid configuration: DATABASE_URL: expected a postgres:// or postgresql:// URL",
    );
    expect(readEnv(servers).kafkaBrokers).toEqual(["a:9092", "b:9092"]);
  });

  it("checks every value at start", () => {
    expect(() => readEnv({ ...servers, WORKER_MAX_BATCH_BYTES: "12", RESCORE_INTERVAL_MS: "soon" })).toThrow(
      /^invalid configuration: RESCORE_INTERVAL_MS: .*number.*; WORKER_MAX_BATCH_BYTES: .*>=1024/,
    );
  });

  it("turns the settings into startWorker's and the Kafka consumer's options", () => {
    const env = readEnv({
      ...servers,
      RESCORE_INTERVAL_MS: "5000",
      TELEMETRY_RETENTION_DAYS: "7",
      WORKER_STALL_TIMEOUT_MS: "9000",
      WORKER_MAX_BATCH_BYTES: "2048",
      WORKER_SESSION_TIMEOUT_MS: "7000",
      WORKER_FIXED_CLOCK: "2026-01-02T03:04:05Z",
      WORKER_GROUP_ID: "g",
    });
    const options = workerOptionsFrom(env);
    expect(options).toMatchObject({
      groupId: "g",
      rescoreIntervalMs: 5000,
      telemetryRetentionDays: 7,
      stallTimeoutMs: 9000,
    });
    expect(options.clock?.()).toBe(Date.parse("2026-01-02T03:04:05Z"));
    expect(workerKafkaOptionsFrom(env)).toEqual({ maxBatchBytes: 2048, sessionTimeoutMs: 7000 });
    expect(workerOptionsFrom(readEnv(servers)).clock).toBeUndefined();
  });

  it("warns about a misspelt setting, not about another process's", () => {
    const env = readEnv({
      ...servers,
      WORKER_STAL_TIMEOUT_MS: "60000",
      INGEST_TOKENS: "t",
      MATURITY_AUTH_USER_HEADER: "X-Forwarded-User",
      PORT: "3000",
    });
    expect(env.unknownSettings).toEqual([
      { name: "WORKER_STAL_TIMEOUT_MS", suggestion: "WORKER_STALL_TIMEOUT_MS" },
    ]);
  });

  it("reads MATURITY_POLICY, the policy file it activates at start", () => {
    const env = readEnv({ ...servers, MATURITY_POLICY: "policies/acme-bank.yaml" });
    expect(env.MATURITY_POLICY).toBe("policies/acme-bank.yaml");
    expect(env.unknownSettings).toEqual([]);
    expect(readEnv(servers).MATURITY_POLICY).toBeUndefined();
  });
});
