// The standalone ingest's routes as main.ts registers them (health, then the plugin), over an
// embedded log, with every webhook secret set and the routes each one registers recorded: what
// the OpenAPI document is checked against.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openEmbeddedLog } from "@maturity/log";
import Fastify, { type FastifyInstance } from "fastify";
import { mlflowExampleTimestamp } from "../src/openapi/examples/mlflow.ts";
import { ingestPlugin } from "../src/plugin.ts";
import { registerHealthRoutes } from "../src/routes/health.ts";
import { testTokens } from "./harness.ts";

export const secrets = {
  github: "github-secret",
  gitlab: "gitlab-token",
  mlflow: "mlflow-secret",
  pagerduty: "pagerduty-secret",
};

export const publicUrl = "https://maturity.example.com";

export interface OpenApiServer {
  app: FastifyInstance;
  /** `METHOD path` of every route registered, HEAD left out (fastify adds one per GET). */
  routes: string[];
  logged(): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function startOpenApiServer(): Promise<OpenApiServer> {
  const directory = await mkdtemp(path.join(tmpdir(), "ingest-openapi-"));
  const log = await openEmbeddedLog(directory);
  const app = Fastify();
  const routes: string[] = [];
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) if (method !== "HEAD") routes.push(`${method} ${route.url}`);
  });
  registerHealthRoutes(app, log);
  await app.register(ingestPlugin, {
    log,
    // The MLflow examples' signed timestamp is fresh at this clock.
    clock: () => new Date(Number(mlflowExampleTimestamp) * 1000),
    config: {
      bearerAuth: true,
      tokens: testTokens,
      githubWebhookSecret: secrets.github,
      gitlabWebhookToken: secrets.gitlab,
      mlflowWebhookSecret: secrets.mlflow,
      pagerdutyWebhookSecrets: [secrets.pagerduty],
      publicUrl,
    },
  });
  await app.ready();
  return {
    app,
    routes,
    async logged() {
      const reader = await openEmbeddedLog(directory);
      const seen: Record<string, unknown>[] = [];
      const subscription = await reader.subscribe(`probe-${Math.random()}`, async (batch) => {
        for (const record of batch.records) seen.push(JSON.parse(record.value) as Record<string, unknown>);
      });
      await new Promise((resolve) => setTimeout(resolve, 30));
      await subscription.stop();
      await reader.close();
      return seen;
    },
    async close() {
      await app.close();
      await log.close().catch(() => undefined);
      await rm(directory, { recursive: true, force: true });
    },
  };
}
