import type { EventLog } from "@maturity/log";
import type { FastifyInstance } from "fastify";
import { ingestErrorHandler } from "./errors.ts";
import { registerEventRoutes } from "./routes/events.ts";

export interface IngestOptions {
  log: EventLog;
}

const cloudEventMediaTypes = ["application/cloudevents+json", "application/cloudevents-batch+json"];

/**
 * The ingest routes as a fastify plugin, so the standalone ingest process and the embedded single
 * process serve exactly the same endpoints.
 */
export async function ingestPlugin(app: FastifyInstance, options: IngestOptions): Promise<void> {
  // Only JSON bodies are events; anything else is refused with 415 rather than parsed as a string.
  app.removeContentTypeParser("text/plain");
  app.addContentTypeParser(
    cloudEventMediaTypes,
    { parseAs: "string" },
    app.getDefaultJsonParser("error", "error"),
  );
  app.setErrorHandler(ingestErrorHandler);
  registerEventRoutes(app, options.log);
}
