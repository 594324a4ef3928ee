import { z } from "zod";

/**
 * Settings of the worker that every process running one reads (the standalone worker and
 * `npm start`): declared once here, composed into both.
 */
export const workerHealthSettings = {
  /** /readyz answers 503 once a batch has waited this long without being applied. */
  WORKER_STALL_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(120_000),
};

const envSchema = z.object({
  ...workerHealthSettings,
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "set DATABASE_URL to a postgres:// URL" }),
  KAFKA_BROKERS: z
    .string()
    .min(1, "set KAFKA_BROKERS (e.g. 127.0.0.1:9092): the standalone worker reads Kafka"),
  KAFKA_TOPIC: z.string().min(1).default("maturity.events"),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).default(6),
  WORKER_GROUP_ID: z.string().min(1).default("maturity-worker"),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /** Days of raw llm.call / agent.run events kept (whole months are dropped past it); 0 keeps all. */
  TELEMETRY_RETENTION_DAYS: z.coerce.number().int().min(0).default(30),
  RESCORE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(15 * 60_000),
  /**
   * Upper bound on the bytes fetched per partition for one batch (one transaction). Smaller
   * batches mean shorter transactions and less work redone after a crash, at some throughput.
   */
  WORKER_MAX_BATCH_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** How long the group waits for a silent worker before giving its partitions to another. */
  WORKER_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).default(30_000),
  /** Pins the worker's clock (tests and reproducible demos only): scores are computed as of it. */
  WORKER_FIXED_CLOCK: z.iso.datetime({ offset: true }).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export function readEnv(source: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      `invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  }
  return {
    ...parsed.data,
    kafkaBrokers: parsed.data.KAFKA_BROKERS.split(",").map((broker) => broker.trim()),
  };
}
