import type { FastifyInstance } from "fastify";
import { mapKueueEvent } from "../adapters/kueue.ts";
import { parseJsonBody, rawBodyOf, requireMediaType } from "../body.ts";
import { publishAdapterResult } from "./respond.ts";
import type { RouteContext } from "./webhook-context.ts";

const route = "/v1/webhooks/kueue";

/** POST /v1/webhooks/kueue: Kubernetes Events about Kueue Workloads, from an event forwarder (bearer auth). */
export function registerKueueRoutes(app: FastifyInstance, context: RouteContext): void {
  app.post(route, { bodyLimit: context.config.bodyLimitBytes }, async (request, reply) => {
    requireMediaType(request, ["application/json"]);
    const result = mapKueueEvent(parseJsonBody(rawBodyOf(request)), context.clock());
    return publishAdapterResult(reply, result, context.publisher, context.metrics, route);
  });
}
