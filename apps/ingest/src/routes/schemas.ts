import { publishedSchemas, schemaIndex } from "@maturity/model/contracts";
import type { FastifyInstance } from "fastify";
import { IngestError } from "../errors.ts";

/**
 * GET /v1/schemas and GET /v1/schemas/<file>: the published JSON Schemas, generated from the code
 * (not read from docs/, which a deployment does not ship). Public: they are contracts, meant to be
 * fetched by senders and their tools.
 */
export function registerSchemaRoutes(app: FastifyInstance): void {
  // Serialised on first use, once: the documents never change while the process runs.
  let index: string | undefined;
  let documents: Map<string, string> | undefined;
  app.get("/v1/schemas", async (_request, reply) => {
    index ??= JSON.stringify(schemaIndex());
    return reply.type("application/json").send(index);
  });
  app.get<{ Params: { file: string } }>("/v1/schemas/:file", async (request, reply) => {
    documents ??= new Map(
      [...publishedSchemas()].map(([file, { schema }]) => [file, JSON.stringify(schema)]),
    );
    const document = documents.get(request.params.file);
    if (document === undefined) {
      throw new IngestError(
        404,
        "not_found",
        `no schema ${JSON.stringify(request.params.file)}; the known ones are ${[...documents.keys()].join(", ")}`,
      );
    }
    return reply.type("application/schema+json").send(document);
  });
}
