// The ingest process of the distributed mode: HTTP in, Kafka out.
import { openKafkaLog } from "@maturity/log";
import { warnUnknownSettings } from "@maturity/config";
import { builtinPolicy, formatPolicyErrors, loadPolicyFile } from "@maturity/policy";
import Fastify from "fastify";
import { readEnv } from "./env.ts";
import { ingestPlugin } from "./plugin.ts";
import { registerHealthRoutes } from "./routes/health.ts";

// Every setting is checked before anything starts (docs/configuration.md lists them).
const env = (() => {
  try {
    return readEnv();
  } catch (error) {
    console.error(`maturity ingest: ${(error as Error).message}`);
    process.exit(2);
  }
})();
// Waivers are checked against MATURITY_POLICY (the built-in rubric's rules when unset); a bad file
// stops the start, each error as file:line:column.
const loaded = env.MATURITY_POLICY === undefined ? undefined : await loadPolicyFile(env.MATURITY_POLICY);
if (loaded !== undefined && !loaded.ok) {
  console.error(
    `maturity ingest: MATURITY_POLICY: the policy file is refused:\n${formatPolicyErrors(loaded.errors)}`,
  );
  process.exit(2);
}
const policy = loaded?.policy ?? builtinPolicy();
const app = Fastify({ logger: { level: env.LOG_LEVEL }, bodyLimit: env.ingest.bodyLimitBytes });
warnUnknownSettings(app.log, env.unknownSettings);
const log = await openKafkaLog({
  brokers: env.kafkaBrokers,
  topic: env.KAFKA_TOPIC,
  partitions: env.KAFKA_PARTITIONS,
  clientId: "maturity-ingest",
});
registerHealthRoutes(app, log);
await app.register(ingestPlugin, { log, config: env.ingest, policy: () => policy });
await app.listen({ port: env.PORT, host: env.HOST });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void app
      .close()
      .then(() => log.close())
      .then(() => process.exit(0));
  });
}
