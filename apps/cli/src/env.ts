// The `maturity` command's configuration: the fragments it composes, checked once before any
// command runs (main.ts). docs/configuration.md lists them all.
import { databaseSettings, dataDirSettings, resolveDataDir } from "@maturity/db";
import { kafkaSettings } from "@maturity/log";
import {
  commaList,
  parseSettings,
  unknownSettings,
  type SettingsSource,
  type UnknownSetting,
} from "@maturity/config";
import { cliSettings } from "./settings.ts";
import { signingKeySettings } from "@maturity/audit";

export const cliProcessSettings = {
  ...signingKeySettings,
  ...databaseSettings,
  ...dataDirSettings,
  ...kafkaSettings,
  ...cliSettings,
};

function readCliEnv(source: SettingsSource) {
  return parseSettings(cliProcessSettings, source);
}

/**
 * Checks every setting the command reads (throws `invalid configuration: …`) and returns the
 * variables that look like settings but are none, for a warning.
 */
export function checkCliEnv(source: SettingsSource = process.env): UnknownSetting[] {
  readCliEnv(source);
  return unknownSettings(source);
}

/** Where the commands that read the event store find it: the server, or the embedded data folder. */
export function readStoreConfig(source: SettingsSource = process.env) {
  const env = readCliEnv(source);
  return { databaseUrl: env.DATABASE_URL, dataDir: resolveDataDir(env) };
}

/** The bearer token `maturity demo --to` sends when --token is not given. */
export function readIngestToken(source: SettingsSource = process.env): string | undefined {
  return readCliEnv(source).MATURITY_INGEST_TOKEN?.trim() || undefined;
}

/** Where `maturity emit` posts when --to is not given. */
export function readIngestUrl(source: SettingsSource = process.env): string {
  return readCliEnv(source).MATURITY_INGEST_URL;
}

/** The portal `maturity import` talks to, and the API token it sends, when the flags do not say. */
export function readPortalAccess(source: SettingsSource = process.env): {
  url: string;
  token: string | undefined;
} {
  const env = readCliEnv(source);
  return { url: env.MATURITY_PORTAL_URL, token: env.MATURITY_API_TOKEN?.trim() || undefined };
}

/** MATURITY_SIGNING_KEY as set (a PEM file's path or PEM text), or undefined. */
export function readSigningKeySetting(source: SettingsSource = process.env): string | undefined {
  return readCliEnv(source).MATURITY_SIGNING_KEY?.trim() || undefined;
}

/** The event log `dead-letters retry` appends to: Kafka when KAFKA_BROKERS is set, else the embedded one. */
export function readLogConfig(source: SettingsSource = process.env) {
  const env = readCliEnv(source);
  return {
    kafkaBrokers: commaList(env.KAFKA_BROKERS),
    kafkaTopic: env.KAFKA_TOPIC,
    kafkaPartitions: env.KAFKA_PARTITIONS,
  };
}
