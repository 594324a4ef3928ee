// The answers every delivery route shares (routes/respond.ts, errors.ts): accepted, ignored, and
// each error status with the error shape and an example.
import { ref, type Json } from "./components.ts";

const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

const errorExample = (error: string, message: string, extra: Json = {}) => ({
  "application/json": { schema: ref("IngestError"), example: { error, message, ...extra } },
});

const retryAfter = {
  "Retry-After": {
    description: "Seconds to wait before retrying (INGEST_RETRY_AFTER_SECONDS).",
    schema: { type: "integer", minimum: 1 },
  },
};

export const sharedResponses: Json = {
  Accepted: {
    description: "Accepted: every event the request produced is durably in the event log.",
    content: {
      "application/json": {
        schema: ref("Accepted"),
        example: {
          accepted: [
            {
              id: "deploy-0001",
              source: "https://argo.acme.example",
              type: "deploy.completed",
              subject: "fraud-scoring",
            },
          ],
        },
      },
    },
  },
  Ignored: {
    description: "Read, but no evidence in it: nothing stored, and no reason to retry.",
    content: {
      "application/json": {
        schema: ref("Ignored"),
        example: { accepted: [], ignored: "ping received; the webhook is set up" },
      },
    },
  },
  BadRequest: {
    description:
      "The body cannot be read or an event it produces is invalid; `issues` names each field. Nothing was stored.",
    content: errorExample("invalid_event", "data.status: expected one of succeeded|failed|cancelled", {
      issues: [{ path: "data.status", message: "expected one of succeeded|failed|cancelled" }],
    }),
  },
  Unauthorized: {
    description: "Missing or wrong credentials, checked before the body is read.",
    headers: {
      "WWW-Authenticate": {
        description: "On the bearer routes: the scheme expected.",
        schema: { type: "string" },
      },
    },
    content: errorExample("unauthorized", "the bearer token is not valid"),
  },
  PlatformEventRefused: {
    description:
      "An admin action (`policy.activated`, `alerts.rules.changed`, `alerts.delivery.redriven`): only the platform emits it, for an admin in the portal or from its own settings.",
    content: errorExample("platform_event_refused", "the event is refused, so nothing was accepted: …"),
  },
  PayloadTooLarge: {
    description: "The body (or, for gzip, what it expands to) is over INGEST_BODY_LIMIT_BYTES.",
    content: errorExample(
      "payload_too_large",
      "the request body is over the 5242880-byte limit; send smaller batches",
    ),
  },
  UnsupportedMediaType: {
    description: "The Content-Type (or Content-Encoding) is not one the route reads.",
    content: errorExample(
      "unsupported_media_type",
      "content-type text/plain is not accepted here; send application/json",
    ),
  },
  WaiverRefused: {
    description:
      "A `gov.waiver.granted` event outside the policy in force (too long, or a criterion it forbids).",
    content: errorExample(
      "waiver_refused",
      "the event is refused, so nothing was accepted: data.expiresAt: …",
    ),
  },
  Unavailable: {
    description:
      "The event log (or the catalogue lookup) is not taking requests; nothing was accepted. Retry after Retry-After: a resent event is stored once.",
    headers: retryAfter,
    content: errorExample(
      "log_unavailable",
      "the event log is not accepting writes (…); nothing was accepted, retry in a few seconds",
    ),
  },
  Internal: {
    description: "An unexpected failure; retry later.",
    content: errorExample("internal", "ingest failed; retry later"),
  },
};

/** The answers of a route that turns a delivery into events (routes/respond.ts). */
export function deliveryResponses(options: { ignored: boolean; policy?: boolean }): Json {
  return {
    "202": responseRef("Accepted"),
    ...(options.ignored && { "200": responseRef("Ignored") }),
    "400": responseRef("BadRequest"),
    "401": responseRef("Unauthorized"),
    ...(options.policy && { "403": responseRef("PlatformEventRefused") }),
    "413": responseRef("PayloadTooLarge"),
    "415": responseRef("UnsupportedMediaType"),
    ...(options.policy && { "422": responseRef("WaiverRefused") }),
    "503": responseRef("Unavailable"),
    "500": responseRef("Internal"),
  };
}
