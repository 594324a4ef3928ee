import { describe, expect, it } from "vitest";
import { z } from "zod";
import { knownSettingNames } from "./known-settings.ts";
import { listenSettings } from "./process-settings.ts";
import {
  editDistance,
  parseSettings,
  requireSettings,
  settingFacts,
  unknownSettings,
  warnUnknownSettings,
  withDefaults,
} from "./settings.ts";

/** A fragment shaped like a real one (the Kafka log's), declared here: config depends on no package. */
const kafkaSettings = {
  KAFKA_BROKERS: z.string().optional().describe("Kafka brokers"),
  KAFKA_TOPIC: z.string().min(1).default("maturity.events").describe("The topic"),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).default(6).describe("Partitions"),
};

describe("parseSettings", () => {
  it("names every bad setting and what was expected", () => {
    expect(() =>
      parseSettings({ ...kafkaSettings, ...listenSettings }, { KAFKA_PARTITIONS: "0", PORT: "x" }),
    ).toThrow(/^invalid configuration: KAFKA_PARTITIONS: .*>=1.*; PORT: .*number/);
  });

  it("takes an empty variable for an unset one", () => {
    expect(parseSettings(kafkaSettings, { KAFKA_BROKERS: "", KAFKA_TOPIC: "" })).toEqual({
      KAFKA_BROKERS: undefined,
      KAFKA_TOPIC: "maturity.events",
      KAFKA_PARTITIONS: 6,
    });
  });
});

describe("composition steps", () => {
  const required = requireSettings(kafkaSettings, {
    KAFKA_BROKERS: "set KAFKA_BROKERS: the worker reads Kafka",
  });

  it("requireSettings makes a setting required with its own message, keeping its checks and description", () => {
    expect(() => parseSettings(required, {})).toThrow(
      "invalid configuration: KAFKA_BROKERS: set KAFKA_BROKERS: the worker reads Kafka",
    );
    expect(parseSettings(required, { KAFKA_BROKERS: "b:9092" }).KAFKA_BROKERS).toBe("b:9092");
    expect(required.KAFKA_BROKERS.description).toBe(kafkaSettings.KAFKA_BROKERS.description);
    // The fragment itself is untouched: another process still reads it as optional.
    expect(parseSettings(kafkaSettings, {}).KAFKA_BROKERS).toBeUndefined();
  });

  it("withDefaults changes a default and nothing else", () => {
    const ingest = withDefaults(listenSettings, { PORT: 3001 });
    expect(parseSettings(ingest, {})).toEqual({ PORT: 3001, HOST: "localhost" });
    expect(parseSettings(listenSettings, {}).PORT).toBe(3000);
    expect(() => parseSettings(ingest, { PORT: "70000" })).toThrow(/PORT/);
    expect(ingest.PORT.description).toBe(listenSettings.PORT.description);
  });

  it("settingFacts reads the description, default, requiredness and values from the schema", () => {
    expect(settingFacts(required.KAFKA_BROKERS)).toMatchObject({ required: true, defaultValue: undefined });
    expect(settingFacts(kafkaSettings.KAFKA_BROKERS)).toMatchObject({
      required: false,
      defaultValue: undefined,
    });
    expect(settingFacts(kafkaSettings.KAFKA_PARTITIONS)).toMatchObject({
      required: false,
      defaultValue: "6",
    });
    const roles = z
      .string()
      .default("a,b")
      .transform((value) => value.split(","))
      .pipe(z.array(z.enum(["a", "b"])))
      .describe("Roles");
    expect(settingFacts(roles)).toEqual({
      description: "Roles",
      required: false,
      defaultValue: "a,b",
      values: ["a", "b"],
    });
  });
});

describe("unknownSettings", () => {
  it("names the closest known setting of a misspelt one", () => {
    expect(unknownSettings({ WORKER_STAL_TIMEOUT_MS: "60000" })).toEqual([
      { name: "WORKER_STAL_TIMEOUT_MS", suggestion: "WORKER_STALL_TIMEOUT_MS" },
    ]);
    expect(unknownSettings({ MATURITY_DATADIR: "/x", KAFKA_BROKER: "b", INGEST_TOKEN: "t" })).toEqual([
      { name: "INGEST_TOKEN", suggestion: "INGEST_TOKENS" },
      { name: "KAFKA_BROKER", suggestion: "KAFKA_BROKERS" },
      { name: "MATURITY_DATADIR", suggestion: "MATURITY_DATA_DIR" },
    ]);
  });

  it("knows the settings of every process, not only the one asking", () => {
    const everyOne = Object.fromEntries(knownSettingNames.map((name) => [name, "x"]));
    expect(knownSettingNames).toContain("INGEST_TOKENS");
    expect(knownSettingNames).toContain("MATURITY_AUTH_USER_HEADER");
    expect(knownSettingNames).toContain("WORKER_STALL_TIMEOUT_MS");
    expect(unknownSettings(everyOne)).toEqual([]);
  });

  it("catches our unprefixed names misspelt, in another case, or with another last word", () => {
    expect(
      unknownSettings({
        DATABSE_URL: "postgres://x",
        log_level: "debug",
        RESCORE_INTERVAL: "1000",
        TELEMETRY_RETENTION_WEEKS: "2",
        GITHUB_WEBHOOK_TOKEN: "s",
      }).map(({ name, suggestion }) => `${name}→${suggestion}`),
    ).toEqual([
      "DATABSE_URL→DATABASE_URL",
      "GITHUB_WEBHOOK_TOKEN→GITLAB_WEBHOOK_TOKEN",
      "RESCORE_INTERVAL→RESCORE_INTERVAL_MS",
      "TELEMETRY_RETENTION_WEEKS→TELEMETRY_RETENTION_DAYS",
      "log_level→LOG_LEVEL",
    ]);
  });

  it("leaves other programs' variables alone", () => {
    expect(
      unknownSettings({
        PATH: "/usr/bin",
        HOME: "/root",
        HOSTNAME: "box",
        NODE_ENV: "production",
        TEST_DATABASE_URL: "postgres://x",
        GITHUB_TOKEN: "t",
        DATABASE_HOST: "db",
        LOGLEVEL_NODE: "x",
        npm_config_cache: "/x",
        KAFKA_HEAP_OPTS: "-Xmx1g",
        KAFKA_WAIT_SECONDS: "90",
        port: "1",
      }),
    ).toEqual([]);
  });

  it("is warned about through the process's logger, one structured line each", () => {
    const lines: [object, string][] = [];
    warnUnknownSettings(
      { warn: (details, message) => lines.push([details, message]) },
      unknownSettings({ WORKER_STAL_TIMEOUT_MS: "1", PATH: "/bin" }),
    );
    expect(lines).toEqual([
      [
        expect.objectContaining({ setting: "WORKER_STAL_TIMEOUT_MS", suggestion: "WORKER_STALL_TIMEOUT_MS" }),
        "unknown setting WORKER_STAL_TIMEOUT_MS; did you mean WORKER_STALL_TIMEOUT_MS?",
      ],
    ]);
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and swapped neighbours", () => {
    expect(editDistance("WORKER_STAL", "WORKER_STALL")).toBe(1);
    expect(editDistance("DATABSAE_URL", "DATABASE_URL")).toBe(1);
    expect(editDistance("LOG_LEVEL", "LOG_LEVEL")).toBe(0);
    expect(editDistance("", "ABC")).toBe(3);
    expect(editDistance("KAFKA_TOPIC", "KAFKA_BROKERS")).toBe(6);
  });
});
