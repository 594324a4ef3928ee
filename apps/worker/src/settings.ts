// The worker's settings, declared once: the standalone worker (env.ts) and `npm start` (apps/web)
// compose them, and both turn them into startWorker's and the Kafka consumer's options here.
import type { KafkaLogOptions } from "@maturity/log";
import type { SettingValues } from "@maturity/config";
import { z } from "zod";
import type { WorkerOptions } from "./worker.ts";

export const workerSettings = {
  WORKER_GROUP_ID: z
    .string()
    .min(1)
    .default("maturity-worker")
    .describe("The Kafka consumer group the workers share (each partition is applied by one of them)"),
  WORKER_STALL_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(120_000)
    .describe("/readyz answers 503 once a batch has waited this long without being applied"),
  RESCORE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(15 * 60_000)
    .describe("Every system is re-scored this often, so ageing evidence moves scores (0 turns it off)"),
  TELEMETRY_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .default(30)
    .describe("Days of raw llm.call / agent.run events kept (whole months are dropped past it); 0 keeps all"),
  WORKER_MAX_BATCH_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024)
    .describe(
      "Bytes fetched per Kafka partition for one batch (one transaction): smaller means shorter transactions, less redone after a crash",
    ),
  WORKER_SESSION_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(6_000)
    .default(30_000)
    .describe("How long the Kafka group waits for a silent worker before giving its partitions to another"),
  WORKER_FIXED_CLOCK: z.iso
    .datetime({ offset: true })
    .optional()
    .describe(
      "Pins the worker's clock to this ISO time (tests and reproducible demos only): scores are as of it",
    ),
};

/** The standalone worker's own endpoint (`npm start` serves the same on its HTTP port). */
export const workerMetricsSettings = {
  METRICS_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(9464)
    .describe("The standalone worker's port for /metrics, /healthz and /readyz"),
};

export type WorkerSettingValues = SettingValues<typeof workerSettings>;

/**
 * What startWorker takes from the settings, in every process that runs a worker. A setting left
 * out (a test's hand-made config) takes startWorker's default.
 */
export function workerOptionsFrom(
  env: Pick<WorkerSettingValues, "WORKER_GROUP_ID"> & Partial<WorkerSettingValues>,
): Pick<
  WorkerOptions,
  "groupId" | "rescoreIntervalMs" | "telemetryRetentionDays" | "stallTimeoutMs" | "clock"
> {
  const fixed = env.WORKER_FIXED_CLOCK === undefined ? undefined : Date.parse(env.WORKER_FIXED_CLOCK);
  return {
    groupId: env.WORKER_GROUP_ID,
    rescoreIntervalMs: env.RESCORE_INTERVAL_MS,
    telemetryRetentionDays: env.TELEMETRY_RETENTION_DAYS,
    stallTimeoutMs: env.WORKER_STALL_TIMEOUT_MS,
    ...(fixed !== undefined && { clock: () => fixed }),
  };
}

/** What the worker's Kafka consumer takes from the settings. */
export function workerKafkaOptionsFrom(
  env: Partial<WorkerSettingValues>,
): Pick<KafkaLogOptions, "maxBatchBytes" | "sessionTimeoutMs"> {
  return { maxBatchBytes: env.WORKER_MAX_BATCH_BYTES, sessionTimeoutMs: env.WORKER_SESSION_TIMEOUT_MS };
}
