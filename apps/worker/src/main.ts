// The worker process of the distributed mode: Kafka in, Postgres projections out.
import { openDatabase } from "@maturity/db";
import { openKafkaLog } from "@maturity/log";
import { pino } from "pino";
import { readEnv } from "./env.ts";
import { startWorker } from "./worker.ts";

const env = readEnv();
const logger = pino({ level: env.LOG_LEVEL });
const database = await openDatabase({ url: env.DATABASE_URL });
const log = await openKafkaLog({
  brokers: env.kafkaBrokers,
  topic: env.KAFKA_TOPIC,
  partitions: env.KAFKA_PARTITIONS,
});
const worker = await startWorker({ db: database.db, log, groupId: env.WORKER_GROUP_ID, logger });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logger.info({ signal, ...worker.stats }, "finishing the current batch, then leaving the group");
    void worker
      .stop()
      .then(() => log.close())
      .then(() => database.close())
      .then(() => process.exit(0));
  });
}
