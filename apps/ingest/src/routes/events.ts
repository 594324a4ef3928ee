import type { EventLog } from "@maturity/log";
import { formatIssues, parseEvent } from "@maturity/model";
import type { FastifyInstance } from "fastify";
import type { IngestErrorBody } from "../errors.ts";

/**
 * POST /v1/events: one CloudEvent in structured mode. The event is validated in full before
 * anything is appended, and 202 is sent only once the log holds it durably.
 */
export function registerEventRoutes(app: FastifyInstance, log: EventLog): void {
  app.post("/v1/events", async (request, reply) => {
    const parsed = parseEvent(request.body);
    if (!parsed.ok) {
      return reply.status(400).send({
        error: "invalid_event",
        message: formatIssues(parsed.issues),
        issues: parsed.issues,
      } satisfies IngestErrorBody);
    }
    const event = parsed.event;
    try {
      await log.append([{ key: event.subject, value: JSON.stringify(event) }]);
    } catch (error) {
      request.log.warn({ err: error }, "event log unavailable");
      return reply.status(503).header("retry-after", "5").send({
        error: "log_unavailable",
        message: "the event log is not accepting writes; retry in a few seconds",
      });
    }
    return reply
      .status(202)
      .send({ accepted: [{ id: event.id, source: event.source, type: event.type, subject: event.subject }] });
  });
}
