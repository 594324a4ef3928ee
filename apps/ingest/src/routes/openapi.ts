import type { FastifyInstance } from "fastify";
import { ingestOpenApiDocument } from "../openapi/document.ts";

/** GET /v1/openapi.json: the OpenAPI 3.1 document of these routes. Public, like the schemas. */
export function registerOpenApiRoute(app: FastifyInstance): void {
  let document: string | undefined;
  app.get("/v1/openapi.json", async (_request, reply) => {
    document ??= JSON.stringify(ingestOpenApiDocument());
    return reply.type("application/json").send(document);
  });
}
