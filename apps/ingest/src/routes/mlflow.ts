import type { FastifyInstance } from "fastify";
import { mapMlflowDelivery } from "../adapters/mlflow.ts";
import { verifyMlflowSignature } from "../auth/mlflow-signature.ts";
import { parseJsonBody, rawBodyOf, requireMediaType } from "../body.ts";
import { publishAdapterResult } from "./respond.ts";
import type { RouteContext } from "./webhook-context.ts";

const route = "/v1/webhooks/mlflow";

/** POST /v1/webhooks/mlflow: signature and timestamp freshness are checked before parsing. */
export function registerMlflowRoutes(app: FastifyInstance, context: RouteContext): void {
  app.post(route, { bodyLimit: context.config.bodyLimitBytes }, async (request, reply) => {
    const raw = rawBodyOf(request);
    const now = context.clock();
    const { deliveryId } = verifyMlflowSignature(
      context.config.mlflowWebhookSecret,
      context.config.mlflowMaxAgeSeconds,
      now,
      raw,
      {
        signature: request.headers["x-mlflow-signature"],
        deliveryId: request.headers["x-mlflow-delivery-id"],
        timestamp: request.headers["x-mlflow-timestamp"],
      },
    );
    requireMediaType(request, ["application/json"]);
    const payload = parseJsonBody(raw);
    const result = mapMlflowDelivery({ deliveryId, payload, now });
    return publishAdapterResult(reply, result, context.publisher, context.metrics, route);
  });
}
