import { formatIssues, parseEvent, type MaturityEvent } from "@maturity/model";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { parseJsonBody, rawBodyOf, requireMediaType } from "../body.ts";
import { badRequest } from "../errors.ts";
import type { Publisher } from "../publish.ts";

const structuredType = "application/cloudevents+json";
const batchType = "application/cloudevents-batch+json";
const acceptedTypes = [structuredType, batchType, "application/json"] as const;

/**
 * POST /v1/events: CloudEvents in structured mode (one event as the body), binary mode (ce-*
 * headers, the body is `data`) and batch mode (a JSON array). Every event is validated before
 * anything is appended, so a batch is accepted whole or not at all; 202 is sent only once the
 * log holds every event durably.
 */
export function registerEventRoutes(app: FastifyInstance, publisher: Publisher, bodyLimit: number): void {
  app.post("/v1/events", { bodyLimit }, async (request, reply) => {
    const mediaType = requireMediaType(request, acceptedTypes);
    const body = parseJsonBody(rawBodyOf(request));
    let events: MaturityEvent[];
    if (mediaType === batchType) events = validateBatch(body);
    else if (mediaType !== structuredType && request.headers["ce-specversion"] !== undefined) {
      events = [validateOne(binaryModeEvent(request, body))];
    } else events = [validateOne(body)];
    const accepted = await publisher.publishEvents(events, "/v1/events");
    return reply.status(202).send({ accepted });
  });
}

function validateOne(input: unknown): MaturityEvent {
  const parsed = parseEvent(input);
  if (!parsed.ok) throw badRequest("invalid_event", formatIssues(parsed.issues), parsed.issues);
  return parsed.event;
}

function validateBatch(body: unknown): MaturityEvent[] {
  if (!Array.isArray(body)) {
    throw badRequest("invalid_batch", "a cloudevents-batch body must be a JSON array of CloudEvents");
  }
  if (body.length === 0) throw badRequest("invalid_batch", "the batch is empty; send at least one event");
  return body.map((item, index) => {
    const parsed = parseEvent(item);
    if (parsed.ok) return parsed.event;
    const issues = parsed.issues.map((issue) => ({
      path: `[${index}]${issue.path === "" || issue.path.startsWith("[") ? "" : "."}${issue.path}`,
      message: issue.message,
    }));
    throw badRequest(
      "invalid_event",
      `event ${index} of the batch is invalid, so nothing was accepted: ${formatIssues(issues)}`,
      issues,
      index,
    );
  });
}

/**
 * Binary mode: attributes travel as ce-* headers (percent-encoded per the HTTP binding), the
 * body is the event's data and content-type is its datacontenttype.
 */
function binaryModeEvent(request: FastifyRequest, data: unknown): Record<string, unknown> {
  const event: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!name.startsWith("ce-") || typeof value !== "string") continue;
    event[name.slice(3)] = decodeHeaderValue(value);
  }
  event.datacontenttype = request.headers["content-type"];
  event.data = data;
  return event;
}

function decodeHeaderValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
