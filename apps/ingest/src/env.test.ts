import { describe, expect, it } from "vitest";
import { readEnv, readIngestConfig } from "./env.ts";

describe("readIngestConfig", () => {
  it("leaves auth off in the embedded mode without tokens, and turns it on with them", () => {
    expect(readIngestConfig({}, "embedded")).toMatchObject({
      bearerAuth: false,
      tokens: [],
      bodyLimitBytes: 5 * 1024 * 1024,
    });
    expect(readIngestConfig({ INGEST_TOKENS: " a, b ,," }, "embedded")).toMatchObject({
      bearerAuth: true,
      tokens: ["a", "b"],
    });
  });

  it("refuses to start the standalone ingest without tokens unless INGEST_AUTH=off", () => {
    expect(() => readIngestConfig({}, "standalone")).toThrow(/INGEST_TOKENS is empty.*INGEST_AUTH=off/);
    expect(readIngestConfig({ INGEST_AUTH: "off" }, "standalone").bearerAuth).toBe(false);
    expect(() => readEnv({ KAFKA_BROKERS: "127.0.0.1:9092" })).toThrow(/INGEST_TOKENS/);
    expect(readEnv({ KAFKA_BROKERS: "127.0.0.1:9092", INGEST_TOKENS: "t" }).ingest.tokens).toEqual(["t"]);
  });

  it("reads secrets, limits and the price table, and explains a bad price table", () => {
    const config = readIngestConfig({
      GITHUB_WEBHOOK_SECRET: "g",
      GITLAB_WEBHOOK_TOKEN: "",
      INGEST_BODY_LIMIT_BYTES: "2048",
      INGEST_LLM_PRICES: '{"gpt-4o":{"inputPer1k":0.0025,"outputPer1k":0.01}}',
    });
    expect(config).toMatchObject({
      githubWebhookSecret: "g",
      gitlabWebhookToken: undefined,
      bodyLimitBytes: 2048,
    });
    expect(config.llmPrices["gpt-4o"]).toEqual({ inputPer1k: 0.0025, outputPer1k: 0.01 });
    expect(() => readIngestConfig({ INGEST_LLM_PRICES: '{"gpt-4o":{"input":1}}' })).toThrow(
      /INGEST_LLM_PRICES.*inputPer1k/,
    );
    expect(() => readIngestConfig({ INGEST_LLM_PRICES: "{" })).toThrow(/not valid JSON/);
  });
});

describe("the standalone ingest's settings", () => {
  it("composes the shared fragments with its own defaults and requirements", () => {
    expect(readEnv({ KAFKA_BROKERS: "a:9092,b:9092", INGEST_AUTH: "off" })).toMatchObject({
      PORT: 3001,
      HOST: "0.0.0.0",
      kafkaBrokers: ["a:9092", "b:9092"],
      KAFKA_TOPIC: "maturity.events",
      LOG_LEVEL: "info",
    });
    expect(() => readEnv({ INGEST_AUTH: "off" })).toThrow(
      "invalid configuration: KAFKA_BROKERS: set KAFKA_BROKERS (e.g. 127.0.0.1:9092): the standalone ingest writes to Kafka",
    );
    expect(() => readEnv({ KAFKA_BROKERS: "a:9092", INGEST_AUTH: "maybe", LOG_LEVEL: "loud" })).toThrow(
      /^invalid configuration: INGEST_AUTH: .*"on".*; LOG_LEVEL: /,
    );
  });

  it("warns about a misspelt setting, not about the worker's or the portal's", () => {
    const env = readEnv({
      KAFKA_BROKERS: "a:9092",
      INGEST_TOKENS: "t",
      INGEST_BODY_LIMIT: "1024",
      WORKER_GROUP_ID: "g",
      MATURITY_ROLES: "web",
    });
    expect(env.unknownSettings).toEqual([
      { name: "INGEST_BODY_LIMIT", suggestion: "INGEST_BODY_LIMIT_BYTES" },
    ]);
  });
});
