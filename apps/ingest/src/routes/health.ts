import type { EventLog } from "@maturity/log";
import type { FastifyInstance } from "fastify";

/**
 * GET /healthz (the process lives) and GET /readyz (the log takes writes), for the standalone
 * ingest. The single-process launcher has its own, which also checks the database.
 */
export function registerHealthRoutes(app: FastifyInstance, log: EventLog): void {
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    const writable = await log.isWritable().catch(() => false);
    return reply
      .status(writable ? 200 : 503)
      .send({ status: writable ? "ready" : "not_ready", logWritable: writable });
  });
}
