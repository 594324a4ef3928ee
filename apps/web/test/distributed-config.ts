import type { startPlatform } from "../src/server/platform.ts";

/**
 * The single-process platform on the real Postgres database `databaseUrl` and the Kafka broker,
 * on a topic and consumer group of its own (named by `name`), on a free port, quietly.
 */
export function distributedConfig(
  databaseUrl: string,
  kafkaBrokers: string[],
  name: string,
): Parameters<typeof startPlatform>[0] {
  return {
    PORT: 0,
    HOST: "127.0.0.1",
    MATURITY_DATA_DIR: "/nonexistent-unused",
    DATABASE_URL: databaseUrl,
    kafkaBrokers,
    KAFKA_TOPIC: `maturity.events.${name}`,
    KAFKA_PARTITIONS: 3,
    WORKER_GROUP_ID: `maturity-worker-${name}`,
    MATURITY_ROLES: ["ingest", "worker", "web"],
    LOG_LEVEL: "warn",
  };
}
