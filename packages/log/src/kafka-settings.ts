// The Kafka event log's settings, declared once: every process that reads or writes the log
// composes them (the standalone ingest and worker require KAFKA_BROKERS; `npm start` and the CLI
// fall back to the embedded log without it).
import { z } from "zod";

export const kafkaSettings = {
  KAFKA_BROKERS: z
    .string()
    .optional()
    .describe(
      "Kafka brokers, comma-separated `host:port`; unset, `npm start` and `maturity` use the embedded log in MATURITY_DATA_DIR",
    ),
  KAFKA_TOPIC: z
    .string()
    .min(1)
    .default("maturity.events")
    .describe("The topic the events go to and come from"),
  KAFKA_PARTITIONS: z.coerce
    .number()
    .int()
    .min(1)
    .default(6)
    .describe("Partitions of the topic when it has to be created (an existing topic keeps its own)"),
};
