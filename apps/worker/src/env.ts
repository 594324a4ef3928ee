// The standalone worker's configuration (apps/worker/src/main.ts): the fragments it composes,
// read and checked once at start. docs/configuration.md lists them all.
import { alertSettings } from "@maturity/alerts";
import { databaseSettings } from "@maturity/db";
import { kafkaSettings } from "@maturity/log";
import { policySettings } from "@maturity/policy";
import {
  commaList,
  logLevelSettings,
  parseSettings,
  publicUrlSettings,
  requireSettings,
  unknownSettings,
  type SettingsSource,
} from "@maturity/config";
import { workerMetricsSettings, workerSettings } from "./settings.ts";

export const workerProcessSettings = {
  ...requireSettings(databaseSettings, {
    DATABASE_URL: "set DATABASE_URL to a postgres:// URL: the standalone worker writes to PostgreSQL",
  }),
  ...requireSettings(kafkaSettings, {
    KAFKA_BROKERS: "set KAFKA_BROKERS (e.g. 127.0.0.1:9092): the standalone worker reads Kafka",
  }),
  ...workerSettings,
  ...policySettings,
  ...alertSettings,
  ...publicUrlSettings,
  ...workerMetricsSettings,
  ...logLevelSettings,
};

export function readEnv(source: SettingsSource = process.env) {
  const env = parseSettings(workerProcessSettings, source);
  return {
    ...env,
    kafkaBrokers: commaList(env.KAFKA_BROKERS),
    unknownSettings: unknownSettings(source),
    /** Where the alerts file's `${NAME}` credentials are looked up: this process's environment. */
    alertSecrets: (name: string) => source[name],
  };
}
