// The routes anyone may read: the published contracts (they are meant to be fetched by senders and
// their tools), this document, and the process's metrics and health.
import { publishedSchemas } from "@maturity/model/contracts";
import { ref, type Json } from "./components.ts";

export const schemaIndexSchema: Json = {
  type: "object",
  properties: {
    schemas: {
      type: "array",
      items: {
        type: "object",
        properties: {
          file: { type: "string", description: "Its name under /v1/schemas." },
          kind: { type: "string", enum: ["event", "report"] },
          type: { type: "string", description: "The event type, for an event's schema." },
          $id: { type: "string", description: "Its `$id`: a path, resolved against this server." },
          title: { type: "string" },
          description: { type: "string" },
        },
        required: ["file", "kind", "$id", "title", "description"],
      },
    },
  },
  required: ["schemas"],
};

const json = (schema: Json, extra: Json = {}) => ({ "application/json": { schema, ...extra } });

export function publicPaths(): Json {
  const files = [...publishedSchemas().keys()];
  return {
    "/v1/schemas": {
      get: {
        operationId: "listSchemas",
        tags: ["Contracts"],
        summary: "The published JSON Schemas",
        description:
          "One per event type, and the score report's; the same as docs/schemas in the repository.",
        responses: { "200": { description: "The index.", content: json(ref("SchemaIndex")) } },
      },
    },
    "/v1/schemas/{file}": {
      get: {
        operationId: "getSchema",
        tags: ["Contracts"],
        summary: "One published JSON Schema (draft 2020-12)",
        description:
          "`<type>.json` is an event type's schema (the whole CloudEvent), `score-report.json` the report's. A stored event's `dataschema` points into these.",
        parameters: [
          {
            name: "file",
            in: "path",
            required: true,
            schema: { type: "string", enum: files },
            example: "deploy.completed.json",
          },
        ],
        responses: {
          "200": {
            description: "The schema.",
            content: {
              "application/schema+json": {
                schema: { type: "object", description: "A JSON Schema document." },
              },
            },
          },
          "404": {
            description: "No schema has that name; the message lists the known ones.",
            content: json(ref("IngestError"), {
              example: {
                error: "not_found",
                message: `no schema deploy.done.json; the known ones are ${files.slice(0, 2).join(", ")}, …`,
              },
            }),
          },
        },
      },
    },
    "/v1/openapi.json": {
      get: {
        operationId: "getOpenApi",
        tags: ["Contracts"],
        summary: "This document (OpenAPI 3.1)",
        responses: {
          "200": { description: "The document.", content: json({ type: "object" }) },
        },
      },
    },
    "/metrics": {
      get: {
        operationId: "metrics",
        tags: ["Operations"],
        summary: "Prometheus metrics of ingest",
        description:
          "In `npm start`, where the worker's metrics have /metrics, ingest's are at /metrics/ingest.",
        responses: {
          "200": {
            description: "The Prometheus text format.",
            content: { "text/plain": { schema: { type: "string" } } },
          },
        },
      },
    },
    "/healthz": {
      get: {
        operationId: "healthz",
        tags: ["Operations"],
        summary: "The process is alive",
        description: "The standalone ingest's; `npm start` has its own.",
        responses: {
          "200": {
            description: "Alive.",
            content: json({ type: "object", properties: { status: { const: "ok" } }, required: ["status"] }),
          },
        },
      },
    },
    "/readyz": {
      get: {
        operationId: "readyz",
        tags: ["Operations"],
        summary: "The event log takes writes",
        description: "The standalone ingest's; `npm start` has its own, which also checks the database.",
        responses: {
          "200": { description: "Ready.", content: json(ref("Readiness")) },
          "503": {
            description: "Not ready: the event log does not take writes.",
            content: json(ref("Readiness")),
          },
        },
      },
    },
  };
}

export const readinessSchema: Json = {
  type: "object",
  properties: {
    status: { type: "string", enum: ["ready", "not_ready"] },
    logWritable: { type: "boolean" },
  },
  required: ["status", "logWritable"],
};
