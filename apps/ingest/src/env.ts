import { z } from "zod";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  HOST: z.string().min(1).default("0.0.0.0"),
  KAFKA_BROKERS: z
    .string()
    .min(1, "set KAFKA_BROKERS (e.g. 127.0.0.1:9092): the standalone ingest writes to Kafka"),
  KAFKA_TOPIC: z.string().min(1).default("maturity.events"),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).default(6),
  INGEST_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
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
