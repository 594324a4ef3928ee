// The standalone ingest's configuration (apps/ingest/src/main.ts): the fragments it composes,
// read and checked once at start. docs/configuration.md lists them all.
import { kafkaSettings } from "@maturity/log";
import { policySettings } from "@maturity/policy";
import {
  commaList,
  listenSettings,
  logLevelSettings,
  parseSettings,
  requireSettings,
  unknownSettings,
  withDefaults,
  type SettingsSource,
} from "@maturity/config";
import { ingestConfigFrom, ingestSettings, type IngestConfig } from "./settings.ts";

export { defaultIngestConfig, type IngestConfig } from "./settings.ts";

export const ingestProcessSettings = {
  ...withDefaults(listenSettings, { PORT: 3001, HOST: "0.0.0.0" }),
  ...requireSettings(kafkaSettings, {
    KAFKA_BROKERS: "set KAFKA_BROKERS (e.g. 127.0.0.1:9092): the standalone ingest writes to Kafka",
  }),
  ...ingestSettings,
  ...policySettings,
  ...logLevelSettings,
};

/**
 * Reads the ingest settings alone (see ingestConfigFrom for `embedded` and `standalone`).
 */
export function readIngestConfig(
  source: SettingsSource = process.env,
  mode: "embedded" | "standalone" = "embedded",
): IngestConfig {
  return ingestConfigFrom(parseSettings(ingestSettings, source), mode);
}

/** The settings of the standalone ingest process (apps/ingest/src/main.ts). */
export function readEnv(source: SettingsSource = process.env) {
  const env = parseSettings(ingestProcessSettings, source);
  return {
    ...env,
    kafkaBrokers: commaList(env.KAFKA_BROKERS),
    ingest: ingestConfigFrom(env, "standalone"),
    unknownSettings: unknownSettings(source),
  };
}
