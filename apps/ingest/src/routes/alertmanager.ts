import type { FastifyInstance } from "fastify";
import { mapAlertmanagerNotification } from "../adapters/alertmanager.ts";
import { parseJsonBody, rawBodyOf, requireMediaType } from "../body.ts";
import { publishAdapterResult } from "./respond.ts";
import type { RouteContext } from "./webhook-context.ts";

const route = "/v1/webhooks/alertmanager";

/** POST /v1/webhooks/alertmanager: Prometheus Alertmanager webhook notifications (bearer auth). */
export function registerAlertmanagerRoutes(app: FastifyInstance, context: RouteContext): void {
  app.post(route, { bodyLimit: context.config.bodyLimitBytes }, async (request, reply) => {
    requireMediaType(request, ["application/json"]);
    const result = mapAlertmanagerNotification({
      payload: parseJsonBody(rawBodyOf(request)),
      now: context.clock(),
      incidentSeverities: context.config.alertmanagerIncidentSeverities,
    });
    return publishAdapterResult(reply, result, context.publisher, context.metrics, route);
  });
}
