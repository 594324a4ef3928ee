import path from "node:path";
import { describe, expect, it } from "vitest";
import { readEnv } from "./env.ts";

describe("npm start's settings", () => {
  it("include every worker setting the standalone worker honours, with the same defaults", () => {
    expect(readEnv({})).toMatchObject({
      WORKER_GROUP_ID: "maturity-worker",
      WORKER_STALL_TIMEOUT_MS: 120_000,
      RESCORE_INTERVAL_MS: 15 * 60_000,
      TELEMETRY_RETENTION_DAYS: 30,
      WORKER_MAX_BATCH_BYTES: 1024 * 1024,
      WORKER_SESSION_TIMEOUT_MS: 30_000,
    });
    expect(readEnv({}).WORKER_FIXED_CLOCK).toBeUndefined();
    expect(
      readEnv({
        RESCORE_INTERVAL_MS: "60000",
        TELEMETRY_RETENTION_DAYS: "0",
        WORKER_MAX_BATCH_BYTES: "4096",
        WORKER_SESSION_TIMEOUT_MS: "10000",
        WORKER_FIXED_CLOCK: "2026-03-01T00:00:00Z",
      }),
    ).toMatchObject({
      RESCORE_INTERVAL_MS: 60_000,
      TELEMETRY_RETENTION_DAYS: 0,
      WORKER_MAX_BATCH_BYTES: 4096,
      WORKER_SESSION_TIMEOUT_MS: 10_000,
      WORKER_FIXED_CLOCK: "2026-03-01T00:00:00Z",
    });
  });

  it("checks them at start like the standalone worker does", () => {
    expect(() => readEnv({ WORKER_SESSION_TIMEOUT_MS: "10", TELEMETRY_RETENTION_DAYS: "-1" })).toThrow(
      /^invalid configuration: TELEMETRY_RETENTION_DAYS: .*>=0.*; WORKER_SESSION_TIMEOUT_MS: .*>=6000/,
    );
    expect(() => readEnv({ WORKER_FIXED_CLOCK: "yesterday" })).toThrow(
      /^invalid configuration: WORKER_FIXED_CLOCK: /,
    );
    expect(() => readEnv({ MATURITY_API_TOKENS: "ci-bot:short" })).toThrow(
      /^invalid configuration: MATURITY_API_TOKENS: entry "ci-bot:…"/,
    );
  });

  it("reads the shared fragments and the ingest's, with the portal's defaults", () => {
    const env = readEnv({
      KAFKA_BROKERS: "a:9092, b:9092",
      MATURITY_DATA_DIR: "data",
      INIT_CWD: "/home/ada",
      INGEST_TOKENS: "t1,t2",
    });
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: "localhost",
      kafkaBrokers: ["a:9092", "b:9092"],
      MATURITY_DATA_DIR: path.resolve("/home/ada", "data"),
      MATURITY_ROLES: ["ingest", "worker", "web"],
    });
    expect(env.ingest).toMatchObject({ tokens: ["t1", "t2"], bearerAuth: true });
  });

  it("finds misspelt settings, not those of the standalone processes", () => {
    const env = readEnv({
      WORKER_STAL_TIMEOUT_MS: "60000",
      METRICS_PORT: "9464",
      MATURITY_INGEST_TOKEN: "t",
    });
    expect(env.unknownSettings).toEqual([
      { name: "WORKER_STAL_TIMEOUT_MS", suggestion: "WORKER_STALL_TIMEOUT_MS" },
    ]);
  });
});
