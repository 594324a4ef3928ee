// The OpenAPI 3.1 document of the ingest HTTP API, built from code: the event schemas are the
// published ones, the examples are the ones the tests send. Served at GET /v1/openapi.json and
// written to docs/openapi.json (npm run docs -w @maturity/ingest).
import { bearerSourcePaths, otlpResultSchema } from "./bearer-source-paths.ts";
import { securitySchemes, sharedSchemas, type Json } from "./components.ts";
import { sharedResponses } from "./responses.ts";
import { eventSchemas, eventsPath } from "./events-path.ts";
import { publicPaths, readinessSchema, schemaIndexSchema } from "./public-paths.ts";
import { signedWebhookPaths } from "./signed-webhook-paths.ts";

let built: Json | undefined;

export function ingestOpenApiDocument(): Json {
  // Built once: it is a function of the code alone.
  built ??= {
    openapi: "3.1.0",
    info: {
      title: "Maturity ingest",
      version: "1",
      summary: "Evidence in: CloudEvents and the native payloads of the tools a team already runs.",
      description:
        "Every route validates the events it produces against the published event schemas (`/v1/schemas`) and answers 202 only once the event log holds them durably; nothing is stored from a refused request. Errors share one shape (`IngestError`). Paths are relative to wherever ingest is served: the standalone ingest, or `npm start` (MATURITY_PUBLIC_URL). See docs/event-catalogue.md and apps/ingest/README.md.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    tags: [
      { name: "Events", description: "CloudEvents of the catalogue, from anything that can send them." },
      { name: "Webhooks", description: "Native deliveries, mapped to catalogue events." },
      { name: "Telemetry", description: "OpenTelemetry GenAI spans." },
      { name: "Lineage", description: "OpenLineage run events." },
      { name: "Contracts", description: "The published schemas and this document; public." },
      { name: "Operations", description: "Metrics and health of the process; public." },
    ],
    paths: { ...eventsPath, ...signedWebhookPaths, ...bearerSourcePaths, ...publicPaths() },
    components: {
      schemas: {
        ...sharedSchemas,
        OtlpResult: otlpResultSchema,
        SchemaIndex: schemaIndexSchema,
        Readiness: readinessSchema,
        ...eventSchemas(),
      },
      responses: sharedResponses,
      securitySchemes,
    },
  };
  return built;
}
