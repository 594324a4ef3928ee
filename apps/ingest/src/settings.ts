// The ingest routes' settings, declared once: the standalone ingest (env.ts) and `npm start`
// (apps/web) compose them and turn them into an IngestConfig here.
import { commaList, parseSettings, publicUrlSettings, type SettingValues } from "@maturity/config";
import { z } from "zod";
import { parsePriceTable, type PriceTable } from "./adapters/otlp/prices.ts";

/** Everything the ingest routes need to know, whichever process hosts them. */
export interface IngestConfig {
  /** Bearer tokens accepted by /v1/events, /v1/otlp, /v1/lineage, /v1/webhooks/kueue and /v1/webhooks/alertmanager. */
  tokens: string[];
  /** When false the bearer-token routes are open (the embedded default without INGEST_TOKENS). */
  bearerAuth: boolean;
  bodyLimitBytes: number;
  githubWebhookSecret: string | undefined;
  gitlabWebhookToken: string | undefined;
  mlflowWebhookSecret: string | undefined;
  /** How far X-MLflow-Timestamp may be from now before a delivery counts as a replay. */
  mlflowMaxAgeSeconds: number;
  /** PagerDuty v3 signing secrets (several while one rotates); empty: /v1/webhooks/pagerduty refuses all. */
  pagerdutyWebhookSecrets: string[];
  /** Alertmanager `severity` label values (lower case) whose alerts also open and resolve an incident. */
  alertmanagerIncidentSeverities: string[];
  llmPrices: PriceTable;
  /** An append not acknowledged within this time is answered 503 (it may still land: the store dedupes). */
  appendTimeoutMs: number;
  retryAfterSeconds: number;
  /** MATURITY_PUBLIC_URL, no trailing slash: each stored event's `dataschema` starts with it. */
  publicUrl: string;
}

export const ingestSettings = {
  // Declared in packages/config (alerts will link with it too); composed here so every process
  // that hosts the ingest routes reads it.
  ...publicUrlSettings,
  INGEST_TOKENS: z
    .string()
    .default("")
    .describe(
      "Bearer tokens, comma-separated, accepted by /v1/events, /v1/otlp, /v1/lineage, /v1/webhooks/kueue and /v1/webhooks/alertmanager",
    ),
  INGEST_AUTH: z
    .enum(["on", "off"])
    .optional()
    .describe(
      "Bearer auth of those routes; unset: on in the standalone ingest, on in `npm start` only when INGEST_TOKENS is set",
    ),
  INGEST_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024)
    .describe("Largest request body, per route (also the decompressed size of an OTLP export)"),
  GITHUB_WEBHOOK_SECRET: z
    .string()
    .optional()
    .describe("The GitHub webhook secret (HMAC-SHA256 of the body); unset, /v1/webhooks/github refuses all"),
  GITLAB_WEBHOOK_TOKEN: z
    .string()
    .optional()
    .describe("The GitLab webhook's X-Gitlab-Token; unset, /v1/webhooks/gitlab refuses all"),
  MLFLOW_WEBHOOK_SECRET: z
    .string()
    .optional()
    .describe("The MLflow webhook secret (HMAC-SHA256 signature); unset, /v1/webhooks/mlflow refuses all"),
  INGEST_MLFLOW_MAX_AGE_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(300)
    .describe("How far an MLflow delivery's timestamp may be from now before it counts as a replay"),
  PAGERDUTY_WEBHOOK_SECRETS: z
    .string()
    .optional()
    .describe(
      "The PagerDuty v3 webhook subscription's signing secrets, comma-separated (the old and the new while one rotates); unset, /v1/webhooks/pagerduty refuses all",
    ),
  INGEST_ALERTMANAGER_INCIDENT_SEVERITIES: z
    .string()
    .default("critical")
    .describe(
      "Alertmanager `severity` label values, comma-separated, whose alerts also open an incident (and resolve it when the alert resolves)",
    ),
  INGEST_LLM_PRICES: z
    .string()
    .default("{}")
    .describe('LLM prices for OTLP spans, JSON: `{"<model>": {"inputPer1k": USD, "outputPer1k": USD}}`'),
  INGEST_APPEND_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(10_000)
    .describe("An append the event log has not acknowledged within this time is answered 503"),
  INGEST_RETRY_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe("The Retry-After of a 503 answer"),
};

export type IngestSettingValues = SettingValues<typeof ingestSettings>;

/**
 * The ingest config from the parsed settings. `standalone` is the distributed ingest process: there
 * a missing INGEST_TOKENS is an error unless INGEST_AUTH=off says so explicitly. `embedded` is the
 * single process a newcomer starts with `npm start`: without tokens the routes are open (the
 * caller logs a warning), so the README's curl works out of the box.
 */
export function ingestConfigFrom(env: IngestSettingValues, mode: "embedded" | "standalone"): IngestConfig {
  const tokens = commaList(env.INGEST_TOKENS);
  const bearerAuth =
    env.INGEST_AUTH === "off"
      ? false
      : env.INGEST_AUTH === "on" || mode === "standalone" || tokens.length > 0;
  if (bearerAuth && tokens.length === 0) {
    throw new Error(
      "invalid configuration: INGEST_TOKENS is empty; set comma-separated bearer tokens, or INGEST_AUTH=off to run without authentication",
    );
  }
  let llmPrices: PriceTable;
  try {
    llmPrices = parsePriceTable(env.INGEST_LLM_PRICES);
  } catch (error) {
    throw new Error(`invalid configuration: INGEST_LLM_PRICES: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return {
    tokens,
    bearerAuth,
    bodyLimitBytes: env.INGEST_BODY_LIMIT_BYTES,
    githubWebhookSecret: env.GITHUB_WEBHOOK_SECRET,
    gitlabWebhookToken: env.GITLAB_WEBHOOK_TOKEN,
    mlflowWebhookSecret: env.MLFLOW_WEBHOOK_SECRET,
    mlflowMaxAgeSeconds: env.INGEST_MLFLOW_MAX_AGE_SECONDS,
    pagerdutyWebhookSecrets: commaList(env.PAGERDUTY_WEBHOOK_SECRETS),
    alertmanagerIncidentSeverities: commaList(env.INGEST_ALERTMANAGER_INCIDENT_SEVERITIES).map((value) =>
      value.toLowerCase(),
    ),
    llmPrices,
    appendTimeoutMs: env.INGEST_APPEND_TIMEOUT_MS,
    retryAfterSeconds: env.INGEST_RETRY_AFTER_SECONDS,
    publicUrl: env.MATURITY_PUBLIC_URL,
  };
}

/** The ingest config with nothing set: every setting's default (what tests start from). */
export const defaultIngestConfig: IngestConfig = ingestConfigFrom(
  parseSettings(ingestSettings, {}),
  "embedded",
);
