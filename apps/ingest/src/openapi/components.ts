// The parts of the OpenAPI document every route shares: the answer shapes (routes/respond.ts,
// errors.ts), the bearer scheme and native request bodies.
import { jsonLimits } from "@maturity/model";

export type Json = Record<string, unknown>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const acceptedEvent = {
  type: "object",
  description: "One event the request produced, as stored.",
  properties: {
    id: { type: "string" },
    source: { type: "string" },
    type: { type: "string", description: "The event type (docs/event-catalogue.md)." },
    subject: {
      type: "string",
      description: "The system id, or `unmapped:<kind>:<id>` while no catalogue entry claims the native id.",
    },
  },
  required: ["id", "source", "type", "subject"],
};

const skippedItem = {
  type: "object",
  description: "An item of the delivery (an alert of a group) left out while the others went through.",
  properties: {
    index: { type: "integer", minimum: 0, description: "Its position in the delivery." },
    id: { type: "string", description: "Its native id (an alert's fingerprint)." },
    reason: { type: "string" },
  },
  required: ["index", "id", "reason"],
};

const skipped = {
  type: "array",
  items: ref("SkippedItem"),
  description: "Present only when items were left out.",
};

const errorCodes = [
  "bad_request",
  "invalid_event",
  "invalid_batch",
  "input_limit",
  "unauthorized",
  "unsupported_media_type",
  "payload_too_large",
  "platform_event_refused",
  "waiver_refused",
  "not_found",
  "log_unavailable",
  "resolver_unavailable",
  "internal",
];

// errors.ts: IngestErrorBody.
const ingestError = {
  type: "object",
  description: `Every error of ingest: a code a program can switch on and a message a person can act on. Codes in use: ${errorCodes.map((code) => `\`${code}\``).join(", ")}.`,
  properties: {
    error: { type: "string", examples: ["invalid_event"] },
    message: { type: "string" },
    issues: {
      type: "array",
      description: "For an invalid event: each field that failed (dotted path) and what was expected.",
      items: {
        type: "object",
        properties: { path: { type: "string" }, message: { type: "string" } },
        required: ["path", "message"],
      },
    },
    index: {
      type: "integer",
      minimum: 0,
      description: "For a refused batch: the position of the first bad event.",
    },
  },
  required: ["error", "message"],
};

export const sharedSchemas: Json = {
  AcceptedEvent: acceptedEvent,
  SkippedItem: skippedItem,
  Accepted: {
    type: "object",
    description: "The events the request produced, in order, all durably in the event log.",
    properties: { accepted: { type: "array", items: ref("AcceptedEvent") }, skipped },
    required: ["accepted"],
  },
  Ignored: {
    type: "object",
    description:
      "The delivery was read but carries no maturity evidence (a ping, a run still in progress); nothing was stored. Answered 200 so the sender does not retry it.",
    properties: {
      accepted: { type: "array", maxItems: 0 },
      ignored: { type: "string", description: "Why, in a sentence the webhook's delivery log shows." },
      skipped,
    },
    required: ["accepted", "ignored"],
  },
  IngestError: ingestError,
};

export const securitySchemes: Json = {
  bearer: {
    type: "http",
    scheme: "bearer",
    description:
      "A token from INGEST_TOKENS. Off with INGEST_AUTH=off; in `npm start` also while INGEST_TOKENS is unset.",
  },
};

export const bearerSecurity = [{ bearer: [] }];

/** A request body of a native payload: described loosely (the source owns its format), with examples. */
export function nativeBody(description: string, examples: Json, schema: Json = { type: "object" }): Json {
  return {
    required: true,
    description: `${description} At most INGEST_BODY_LIMIT_BYTES; nested at most ${jsonLimits.bodyDepth} levels.`,
    content: { "application/json": { schema, examples } },
  };
}
