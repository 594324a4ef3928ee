import type { EventLog } from "@maturity/log";
import type { ActivePolicy } from "@maturity/policy";
import { builtinPolicy } from "@maturity/policy";
import type { FastifyInstance } from "fastify";
import { bearerAuth } from "./auth/bearer.ts";
import { receiveRawBodies } from "./body.ts";
import { defaultIngestConfig, type IngestConfig } from "./env.ts";
import { createIngestErrorHandler } from "./errors.ts";
import { createIngestMetrics } from "./metrics.ts";
import { createPublisher } from "./publish.ts";
import { registerAlertmanagerRoutes } from "./routes/alertmanager.ts";
import { registerEventRoutes } from "./routes/events.ts";
import { registerGithubRoutes } from "./routes/github.ts";
import { registerGitlabRoutes } from "./routes/gitlab.ts";
import { registerKueueRoutes } from "./routes/kueue.ts";
import { registerLineageRoutes } from "./routes/lineage.ts";
import { registerMetricsRoute } from "./routes/metrics.ts";
import { registerMlflowRoutes } from "./routes/mlflow.ts";
import { registerOpenApiRoute } from "./routes/openapi.ts";
import { registerOtlpRoutes } from "./routes/otlp.ts";
import { registerPagerdutyRoutes } from "./routes/pagerduty.ts";
import { registerSchemaRoutes } from "./routes/schemas.ts";
import type { RouteContext } from "./routes/webhook-context.ts";
import type { ResolveSystem } from "./systems.ts";

export interface IngestOptions {
  log: EventLog;
  /** From readIngestConfig(); anything left out takes its default. */
  config?: Partial<IngestConfig>;
  /** Maps native ids (repo, registry model, service, GPU queue) to system ids; see systems.ts. */
  resolveSystem?: ResolveSystem;
  /** The clock for signature freshness and for events whose payload carries no time. */
  clock?: () => Date;
  /** Where the Prometheus metrics are served; "/metrics" unless the host serves its own there. */
  metricsRoute?: string | false;
  /**
   * The policy in force, read on every request (waivers are checked against its rules): a getter,
   * so the host can swap it when another is activated (see createPolicyHolder). Left out: the
   * built-in rubric's rules.
   */
  policy?: () => ActivePolicy;
}

/**
 * The ingest routes as a fastify plugin, so the standalone ingest process and the embedded single
 * process serve exactly the same endpoints.
 */
export async function ingestPlugin(app: FastifyInstance, options: IngestOptions): Promise<void> {
  const config: IngestConfig = { ...defaultIngestConfig, ...options.config };
  const metrics = createIngestMetrics();
  const publisher = createPublisher({
    log: options.log,
    config,
    metrics,
    resolveSystem: options.resolveSystem,
    policy: options.policy ?? builtinPolicy,
  });
  const context: RouteContext = { config, publisher, metrics, clock: options.clock ?? (() => new Date()) };
  if (!config.bearerAuth) {
    app.log.warn(
      "ingest bearer-token auth is OFF: anyone who can reach this port can send events; set INGEST_TOKENS to turn it on",
    );
  }

  receiveRawBodies(app);
  app.setErrorHandler(createIngestErrorHandler(metrics));
  if (options.metricsRoute !== false) registerMetricsRoute(app, metrics, options.metricsRoute ?? "/metrics");

  // Sources that authenticate with a bearer token; the hook runs before the body is read.
  await app.register(async (scope) => {
    scope.addHook("onRequest", bearerAuth(config));
    registerEventRoutes(scope, publisher, config.bodyLimitBytes);
    registerOtlpRoutes(scope, context);
    registerLineageRoutes(scope, context);
    registerKueueRoutes(scope, context);
    registerAlertmanagerRoutes(scope, context);
  });
  // Sources that sign each delivery with a shared secret (checked in the route, on the raw body).
  registerGithubRoutes(app, context);
  registerGitlabRoutes(app, context);
  registerMlflowRoutes(app, context);
  registerPagerdutyRoutes(app, context);
  // The contracts: public, so senders and their tools can fetch them without a token.
  registerSchemaRoutes(app);
  registerOpenApiRoute(app);
}
