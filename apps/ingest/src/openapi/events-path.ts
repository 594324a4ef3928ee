// POST /v1/events in the OpenAPI document: the three CloudEvents modes, each body referring to
// the published event schemas (packages/model/src/contracts), which become components here.
import { eventTypes } from "@maturity/model";
import { eventJsonSchema } from "@maturity/model/contracts";
import { bearerSecurity, ref, type Json } from "./components.ts";
import { deliveryResponses } from "./responses.ts";
import { bodyExamples, headerParameter } from "./examples.ts";
import { batchExamples, jsonExamples, structuredExamples } from "./examples/events.ts";

/** Every event type's schema under its type's name, and the union and batch of them. */
export function eventSchemas(): Json {
  return {
    ...Object.fromEntries(eventTypes.map((type) => [type, eventJsonSchema(type)])),
    CloudEvent: {
      description:
        "Any catalogued event: one of the per-type schemas, told apart by `type` (each schema is named after its type).",
      type: "object",
      oneOf: eventTypes.map((type) => ref(type)),
      discriminator: { propertyName: "type" },
    },
    CloudEventBatch: {
      type: "array",
      minItems: 1,
      description: "Accepted whole or not at all: one invalid event refuses the batch, naming its index.",
      items: ref("CloudEvent"),
    },
  };
}

const binaryAttributes = [
  ["ce-specversion", "Binary mode: `1.0`. With it, the body is the event's `data`."],
  ["ce-id", "Binary mode: the event's `id`."],
  ["ce-source", "Binary mode: the event's `source`."],
  ["ce-type", "Binary mode: the event's `type`."],
  ["ce-subject", "Binary mode: the event's `subject`."],
  ["ce-time", "Binary mode: the event's `time`."],
] as const;

export const eventsPath: Json = {
  "/v1/events": {
    post: {
      operationId: "postEvents",
      tags: ["Events"],
      summary: "Send CloudEvents (structured, binary or batch mode)",
      description:
        "Every event is validated against its type's schema (`GET /v1/schemas/<type>.json`) and the input limits before anything is stored, then stored with its `dataschema` set to that schema. 202 is sent only once the event log holds every event. Resending an event (same `source` and `id`) is harmless: it is stored once. Percent-encoded ce-* header values are decoded, per the HTTP binding.",
      security: bearerSecurity,
      parameters: binaryAttributes.map(([name, description]) =>
        headerParameter(name, { description }, jsonExamples),
      ),
      requestBody: {
        required: true,
        content: {
          "application/cloudevents+json": {
            schema: ref("CloudEvent"),
            examples: bodyExamples(structuredExamples),
          },
          "application/cloudevents-batch+json": {
            schema: ref("CloudEventBatch"),
            examples: bodyExamples(batchExamples),
          },
          "application/json": {
            schema: {
              description:
                "A structured event; with a ce-specversion header, the `data` of a binary-mode event (its type's `data` schema).",
              type: "object",
            },
            examples: bodyExamples(jsonExamples),
          },
        },
      },
      responses: deliveryResponses({ ignored: false, policy: true }),
    },
  },
};
