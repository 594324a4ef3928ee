// The worker process of the distributed mode: Kafka in, Postgres projections out.
import { createServer } from "node:http";
import { openDatabase } from "@maturity/db";
import { openKafkaLog } from "@maturity/log";
import { warnUnknownSettings } from "@maturity/config";
import { pino } from "pino";
import { readEnv } from "./env.ts";
import { loadAlertsSetting } from "./alerts/setting.ts";
import { loadPolicySetting } from "./policy/setting.ts";
import { workerKafkaOptionsFrom, workerOptionsFrom } from "./settings.ts";
import { startWorker } from "./worker.ts";

// Every setting is checked before anything starts (docs/configuration.md lists them).
const env = (() => {
  try {
    return readEnv();
  } catch (error) {
    console.error(`maturity worker: ${(error as Error).message}`);
    process.exit(2);
  }
})();
// A bad policy file stops the start, each error as file:line:column.
const policy = await loadPolicySetting(env.MATURITY_POLICY).catch((error: unknown) => {
  console.error(`maturity worker: ${(error as Error).message}`);
  process.exit(2);
});
// So does a bad alerts file, or a credential it names that is not set.
const alerts = await loadAlertsSetting(env.MATURITY_ALERTS, env.alertSecrets).catch((error: unknown) => {
  console.error(`maturity worker: ${(error as Error).message}`);
  process.exit(2);
});
const logger = pino({ level: env.LOG_LEVEL });
warnUnknownSettings(logger, env.unknownSettings);
const database = await openDatabase({ url: env.DATABASE_URL });
// The same options `npm start` passes (apps/web/src/server/platform.ts).
const log = await openKafkaLog({
  brokers: env.kafkaBrokers,
  topic: env.KAFKA_TOPIC,
  partitions: env.KAFKA_PARTITIONS,
  ...workerKafkaOptionsFrom(env),
});
const worker = await startWorker({
  db: database.db,
  log,
  logger,
  policy,
  ...workerOptionsFrom(env),
  ...(alerts !== undefined && { alerts: { config: alerts, publicUrl: env.MATURITY_PUBLIC_URL } }),
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
