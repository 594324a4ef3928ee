// `npm start`'s configuration: every setting the standalone ingest and worker read (from the
// fragments they declare) plus the portal's own, read and checked once at start.
// docs/configuration.md lists them all.
import { alertSettings } from "@maturity/alerts";
import { signingKeySettings } from "@maturity/audit";
import {
  backstageConfigFrom,
  backstageSettings,
  defaultMappingOptions,
  parseTypeMapping,
} from "@maturity/backstage";
import { databaseSettings, dataDirSettings, resolveDataDir } from "@maturity/db";
import { ingestConfigFrom, ingestSettings } from "@maturity/ingest";
import { kafkaSettings } from "@maturity/log";
import { policySettings } from "@maturity/policy";
import {
  commaList,
  listenSettings,
  logLevelSettings,
  parseSettings,
  unknownSettings,
  type SettingsSource,
} from "@maturity/config";
import { workerSettings } from "@maturity/worker";
import type { AuthConfig } from "./auth/auth-config.ts";
import { parseApiTokens } from "./auth/auth-config.ts";
import { demoSeedSettings, portalSettings, signOnSettings } from "./settings.ts";

export const webProcessSettings = {
  ...listenSettings,
  ...dataDirSettings,
  ...databaseSettings,
  ...kafkaSettings,
  ...ingestSettings,
  ...workerSettings,
  ...policySettings,
  ...alertSettings,
  // The audit pack signing key, declared with `maturity audit-pack`'s: the portal's packs too.
  ...signingKeySettings,
  // The periodic catalogue pull runs in the portal's process (it needs the store and the log).
  ...backstageSettings,
  ...portalSettings,
  ...demoSeedSettings,
  ...signOnSettings,
  ...logLevelSettings,
};

export type WebEnv = ReturnType<typeof readEnv>;

export function readEnv(source: SettingsSource = process.env) {
  const env = parseSettings(webProcessSettings, source);
  let tokens: AuthConfig["tokens"];
  try {
    tokens = parseApiTokens(env.MATURITY_API_TOKENS);
  } catch (error) {
    throw new Error(`invalid configuration: ${(error as Error).message}`, { cause: error });
  }
  return {
    ...env,
    MATURITY_DATA_DIR: resolveDataDir(env),
    /** Unset without KAFKA_BROKERS: the embedded log. */
    kafkaBrokers: env.KAFKA_BROKERS === undefined ? undefined : commaList(env.KAFKA_BROKERS),
    demo: {
      seed: env.MATURITY_DEMO_SEED,
      teams: env.MATURITY_DEMO_TEAMS,
      systems: env.MATURITY_DEMO_SYSTEMS,
      days: env.MATURITY_DEMO_DAYS,
      llmCallsPerDay: env.MATURITY_DEMO_LLM_CALLS_PER_DAY,
    },
    auth: {
      ...(env.MATURITY_AUTH_USER_HEADER !== undefined && {
        proxy: {
          userHeader: env.MATURITY_AUTH_USER_HEADER,
          groupsHeader: env.MATURITY_AUTH_GROUPS_HEADER,
          nameHeader: env.MATURITY_AUTH_NAME_HEADER,
          adminGroup: env.MATURITY_AUTH_ADMIN_GROUP,
          trustedProxies: commaList(env.MATURITY_AUTH_TRUSTED_PROXIES),
        },
      }),
      tokens,
    } satisfies AuthConfig as AuthConfig,
    /** MATURITY_BACKSTAGE_URL and its companions; undefined when no catalogue is pulled. */
    backstage: backstageConfigFrom(env),
    /** How imports (the pull's and the portal's) tell ML systems: MATURITY_BACKSTAGE_TYPES. */
    backstageMapping:
      env.MATURITY_BACKSTAGE_TYPES === undefined
        ? defaultMappingOptions
        : { ...defaultMappingOptions, types: parseTypeMapping(env.MATURITY_BACKSTAGE_TYPES) },
    /** INGEST_TOKENS, webhook secrets, limits: the ingest routes' config, as `npm start` hosts them. */
    ingest: ingestConfigFrom(env, "embedded"),
    /** Variables named like settings of ours that no process reads (logged at start). */
    unknownSettings: unknownSettings(source),
    /** Where the alerts file's `${NAME}` credentials are looked up: this process's environment. */
    alertSecrets: (name: string) => source[name],
  };
}
