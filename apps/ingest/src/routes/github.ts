import type { FastifyInstance } from "fastify";
import { mapGithubDelivery } from "../adapters/github.ts";
import { verifyGithubSignature } from "../auth/github-signature.ts";
import { parseJsonBody, rawBodyOf, requireMediaType } from "../body.ts";
import { badRequest } from "../errors.ts";
import { publishAdapterResult } from "./respond.ts";
import type { RouteContext } from "./webhook-context.ts";

const route = "/v1/webhooks/github";

/** POST /v1/webhooks/github: the signature is checked on the raw bytes before anything is parsed. */
export function registerGithubRoutes(app: FastifyInstance, context: RouteContext): void {
  app.post(route, { bodyLimit: context.config.bodyLimitBytes }, async (request, reply) => {
    const raw = rawBodyOf(request);
    verifyGithubSignature(context.config.githubWebhookSecret, raw, request.headers["x-hub-signature-256"]);
    requireMediaType(request, ["application/json"]);
    const event = request.headers["x-github-event"];
    const deliveryId = request.headers["x-github-delivery"];
    if (typeof event !== "string" || event === "")
      throw badRequest("bad_request", "missing X-GitHub-Event header");
    if (typeof deliveryId !== "string" || deliveryId === "") {
      throw badRequest("bad_request", "missing X-GitHub-Delivery header (the delivery id is the event id)");
    }
    const payload = parseJsonBody(raw);
    const result = mapGithubDelivery({ event, deliveryId, payload, now: context.clock() });
    return publishAdapterResult(reply, result, context.publisher, context.metrics, route);
  });
}
