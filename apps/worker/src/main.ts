// The worker process of the distributed mode: Kafka in, Postgres projections out.
import { createServer } from "node:http";
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
  maxBatchBytes: env.WORKER_MAX_BATCH_BYTES,
  sessionTimeoutMs: env.WORKER_SESSION_TIMEOUT_MS,
});
const worker = await startWorker({
  db: database.db,
  log,
  groupId: env.WORKER_GROUP_ID,
  logger,
  rescoreIntervalMs: env.RESCORE_INTERVAL_MS,
  telemetryRetentionDays: env.TELEMETRY_RETENTION_DAYS,
  stallTimeoutMs: env.WORKER_STALL_TIMEOUT_MS,
  ...(env.WORKER_FIXED_CLOCK && { clock: () => Date.parse(env.WORKER_FIXED_CLOCK!) }),
});

// Health and Prometheus metrics for the orchestrator and the scraper.
const server = createServer((request, response) => {
  if (request.url === "/metrics") {
    response.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end(worker.metrics.render());
  } else if (request.url === "/healthz") {
    response.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
  } else if (request.url === "/readyz") {
    const { ready, reasons } = worker.readiness();
    response
      .writeHead(ready ? 200 : 503, { "content-type": "application/json" })
      .end(JSON.stringify({ status: ready ? "ready" : "not_ready", reasons }));
  } else {
    response.writeHead(404).end();
  }
});
server.listen(env.METRICS_PORT, () => logger.info({ port: env.METRICS_PORT }, "worker metrics listening"));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "finishing the current batch, then leaving the group");
    server.close();
    void worker
      .stop()
      .then(() => log.close())
      .then(() => database.close())
      .then(() => process.exit(0));
  });
}
