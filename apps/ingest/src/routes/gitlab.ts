import type { FastifyInstance } from "fastify";
import { mapGitlabDelivery } from "../adapters/gitlab.ts";
import { verifyGitlabToken } from "../auth/gitlab-token.ts";
import { parseJsonBody, rawBodyOf, requireMediaType } from "../body.ts";
import { badRequest } from "../errors.ts";
import { publishAdapterResult } from "./respond.ts";
import type { RouteContext } from "./webhook-context.ts";

const route = "/v1/webhooks/gitlab";

/** POST /v1/webhooks/gitlab: X-Gitlab-Token is checked before the body is parsed. */
export function registerGitlabRoutes(app: FastifyInstance, context: RouteContext): void {
  app.post(route, { bodyLimit: context.config.bodyLimitBytes }, async (request, reply) => {
    verifyGitlabToken(context.config.gitlabWebhookToken, request.headers["x-gitlab-token"]);
    requireMediaType(request, ["application/json"]);
    const event = request.headers["x-gitlab-event"];
    // Not X-Gitlab-Webhook-UUID: that names the webhook, and would collapse all its events into one.
    const deliveryId = request.headers["x-gitlab-event-uuid"];
    if (typeof event !== "string" || event === "")
      throw badRequest("bad_request", "missing X-Gitlab-Event header");
    if (typeof deliveryId !== "string" || deliveryId === "") {
      throw badRequest("bad_request", "missing X-Gitlab-Event-UUID header (the delivery id is the event id)");
    }
    const payload = parseJsonBody(rawBodyOf(request));
    const result = mapGitlabDelivery({ event, deliveryId, payload, now: context.clock() });
    return publishAdapterResult(reply, result, context.publisher, context.metrics, route);
  });
}
