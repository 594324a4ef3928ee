// The ingest process of the distributed mode: HTTP in, Kafka out.
import { openKafkaLog } from "@maturity/log";
import Fastify from "fastify";
import { readEnv } from "./env.ts";
import { ingestPlugin } from "./plugin.ts";

const env = readEnv();
const log = await openKafkaLog({
  brokers: env.kafkaBrokers,
  topic: env.KAFKA_TOPIC,
  partitions: env.KAFKA_PARTITIONS,
});
const app = Fastify({ logger: { level: env.LOG_LEVEL }, bodyLimit: env.INGEST_BODY_LIMIT_BYTES });
app.get("/healthz", async () => ({ status: "ok" }));
app.get("/readyz", async (_request, reply) => {
  const writable = await log.isWritable();
  return reply
    .status(writable ? 200 : 503)
    .send({ status: writable ? "ready" : "not_ready", logWritable: writable });
});
await app.register(ingestPlugin, { log });
await app.listen({ port: env.PORT, host: env.HOST });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void app
      .close()
      .then(() => log.close())
      .then(() => process.exit(0));
  });
}
