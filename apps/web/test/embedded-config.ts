import type { startPlatform } from "../src/server/platform.ts";

/** The single-process platform on the embedded stores in `dataDir`, on a free port, quietly. */
export function embeddedConfig(dataDir: string): Parameters<typeof startPlatform>[0] {
  return {
    PORT: 0,
    HOST: "127.0.0.1",
    MATURITY_DATA_DIR: dataDir,
    DATABASE_URL: undefined,
    kafkaBrokers: undefined,
    KAFKA_TOPIC: "unused",
    KAFKA_PARTITIONS: 1,
    WORKER_GROUP_ID: "maturity-worker",
    MATURITY_ROLES: ["ingest", "worker", "web"],
    LOG_LEVEL: "warn",
  };
}
