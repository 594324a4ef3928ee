import type { FastifyInstance } from "fastify";
import { mapOpenLineageEvent } from "../adapters/openlineage.ts";
import { parseJsonBody, rawBodyOf, requireMediaType } from "../body.ts";
import { publishAdapterResult } from "./respond.ts";
import type { RouteContext } from "./webhook-context.ts";

const route = "/v1/lineage";

/** POST /v1/lineage: OpenLineage RunEvents (the HTTP transport's endpoint; bearer auth). */
export function registerLineageRoutes(app: FastifyInstance, context: RouteContext): void {
  app.post(route, { bodyLimit: context.config.bodyLimitBytes }, async (request, reply) => {
    requireMediaType(request, ["application/json"]);
    const result = mapOpenLineageEvent(parseJsonBody(rawBodyOf(request)));
    return publishAdapterResult(reply, result, context.publisher, context.metrics, route);
  });
}
