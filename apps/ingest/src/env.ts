import { z } from "zod";
import { parsePriceTable, type PriceTable } from "./adapters/otlp/prices.ts";

/** Everything the ingest routes need to know, whichever process hosts them. */
export interface IngestConfig {
  /** Bearer tokens accepted by /v1/events, /v1/otlp, /v1/lineage and /v1/webhooks/kueue. */
  tokens: string[];
  /** When false the bearer-token routes are open (the embedded default without INGEST_TOKENS). */
  bearerAuth: boolean;
  bodyLimitBytes: number;
  githubWebhookSecret: string | undefined;
  gitlabWebhookToken: string | undefined;
  mlflowWebhookSecret: string | undefined;
  /** How far X-MLflow-Timestamp may be from now before a delivery counts as a replay. */
  mlflowMaxAgeSeconds: number;
  llmPrices: PriceTable;
  /** An append not acknowledged within this time is answered 503 (it may still land: the store dedupes). */
  appendTimeoutMs: number;
  retryAfterSeconds: number;
}

export const defaultIngestConfig: IngestConfig = {
  tokens: [],
  bearerAuth: false,
  bodyLimitBytes: 5 * 1024 * 1024,
  githubWebhookSecret: undefined,
  gitlabWebhookToken: undefined,
  mlflowWebhookSecret: undefined,
  mlflowMaxAgeSeconds: 300,
  llmPrices: {},
  appendTimeoutMs: 10_000,
  retryAfterSeconds: 5,
};

const optionalSecret = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value === "" ? undefined : value));

const ingestEnvSchema = z.object({
  INGEST_TOKENS: z.string().default(""),
  INGEST_AUTH: z.enum(["on", "off"]).optional(),
  INGEST_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  GITHUB_WEBHOOK_SECRET: optionalSecret,
  GITLAB_WEBHOOK_TOKEN: optionalSecret,
  MLFLOW_WEBHOOK_SECRET: optionalSecret,
  INGEST_MLFLOW_MAX_AGE_SECONDS: z.coerce.number().int().min(1).default(300),
  INGEST_LLM_PRICES: z.string().default("{}"),
  INGEST_APPEND_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  INGEST_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).default(5),
});

/**
 * Reads the ingest settings. `standalone` is the distributed ingest process: there a missing
 * INGEST_TOKENS is an error unless INGEST_AUTH=off says so explicitly. `embedded` is the single
 * process a newcomer starts with `npm start`: without tokens the routes are open (the caller logs a
 * warning), so the README's curl works out of the box.
 */
export function readIngestConfig(
  source: NodeJS.ProcessEnv = process.env,
  mode: "embedded" | "standalone" = "embedded",
): IngestConfig {
  const env = parseOrThrow(ingestEnvSchema, source);
  const tokens = env.INGEST_TOKENS.split(",")
    .map((token) => token.trim())
    .filter(Boolean);
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
    llmPrices,
    appendTimeoutMs: env.INGEST_APPEND_TIMEOUT_MS,
    retryAfterSeconds: env.INGEST_RETRY_AFTER_SECONDS,
  };
}

const standaloneEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  HOST: z.string().min(1).default("0.0.0.0"),
  KAFKA_BROKERS: z
    .string()
    .min(1, "set KAFKA_BROKERS (e.g. 127.0.0.1:9092): the standalone ingest writes to Kafka"),
  KAFKA_TOPIC: z.string().min(1).default("maturity.events"),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).default(6),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** The settings of the standalone ingest process (apps/ingest/src/main.ts). */
export function readEnv(source: NodeJS.ProcessEnv = process.env) {
  const env = parseOrThrow(standaloneEnvSchema, source);
  return {
    ...env,
    kafkaBrokers: env.KAFKA_BROKERS.split(",").map((broker) => broker.trim()),
    ingest: readIngestConfig(source, "standalone"),
  };
}

function parseOrThrow<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv): z.infer<S> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      `invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}
