import type { FastifyInstance } from "fastify";
import type { IngestMetrics } from "../metrics.ts";

/** GET /metrics (or the host's chosen path) in the Prometheus text format. */
export function registerMetricsRoute(app: FastifyInstance, metrics: IngestMetrics, url: string): void {
  app.get(url, async (_request, reply) => {
    return reply.header("content-type", metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
