import path from "node:path";
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  MATURITY_DATA_DIR: z.string().min(1).default(".data"),
});

/** Where the commands that read the event store find it: the server, or the embedded data folder. */
export function readStoreConfig(source: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
    );
  }
  return {
    databaseUrl: parsed.data.DATABASE_URL,
    dataDir: path.resolve(source.INIT_CWD ?? process.cwd(), parsed.data.MATURITY_DATA_DIR),
  };
}

/** The bearer token `maturity demo --to` sends when --token is not given. */
export function readIngestToken(source: NodeJS.ProcessEnv = process.env): string | undefined {
  const token = source.MATURITY_INGEST_TOKEN?.trim();
  return token === "" ? undefined : token;
}

/** The event log `dead-letters retry` appends to: Kafka when KAFKA_BROKERS is set, else the embedded one. */
export function readLogConfig(source: NodeJS.ProcessEnv = process.env) {
  const brokers = (source.KAFKA_BROKERS ?? "")
    .split(",")
    .map((broker) => broker.trim())
    .filter(Boolean);
  const topic = source.KAFKA_TOPIC?.trim();
  return {
    kafkaBrokers: brokers,
    kafkaTopic: topic === undefined || topic === "" ? "maturity.events" : topic,
  };
}
