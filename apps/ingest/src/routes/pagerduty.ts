import type { FastifyInstance } from "fastify";
import { mapPagerdutyDelivery } from "../adapters/pagerduty.ts";
import { verifyPagerdutySignature } from "../auth/pagerduty-signature.ts";
import { parseJsonBody, rawBodyOf, requireMediaType } from "../body.ts";
import { publishAdapterResult } from "./respond.ts";
import type { RouteContext } from "./webhook-context.ts";

const route = "/v1/webhooks/pagerduty";

/** POST /v1/webhooks/pagerduty: PagerDuty v3 webhooks, the signature checked on the raw bytes first. */
export function registerPagerdutyRoutes(app: FastifyInstance, context: RouteContext): void {
  app.post(route, { bodyLimit: context.config.bodyLimitBytes }, async (request, reply) => {
    const raw = rawBodyOf(request);
    verifyPagerdutySignature(
      context.config.pagerdutyWebhookSecrets,
      raw,
      request.headers["x-pagerduty-signature"],
    );
    requireMediaType(request, ["application/json"]);
    const result = mapPagerdutyDelivery({ payload: parseJsonBody(raw), now: context.clock() });
    return publishAdapterResult(reply, result, context.publisher, context.metrics, route);
  });
}
