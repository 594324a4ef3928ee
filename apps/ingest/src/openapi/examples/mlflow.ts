// Example MLflow webhook deliveries (POST /v1/webhooks/mlflow): the envelope MLflow wraps every
// payload in, with made-up models and runs.
import type { RouteExample } from "./types.ts";

/** The examples' X-MLflow-Timestamp (2026-03-01T12:00:00Z): a delivery is fresh only near it. */
export const mlflowExampleTimestamp = "1772366400";

export const mlflowExamples = {
  modelVersionCreated: {
    summary: "model_version.created: becomes registry.model_version.registered with code and data versions",
    headers: { "X-MLflow-Delivery-Id": "d6f1c2a0-mv-created", "X-MLflow-Timestamp": mlflowExampleTimestamp },
    value: {
      entity: "model_version",
      action: "created",
      timestamp: "2026-03-01T11:59:58.123456+00:00",
      data: {
        name: "fraud-model",
        version: "7",
        source: "models:/m-123",
        run_id: "abcd1234abcd5678",
        tags: { "mlflow.source.git.commit": "9f2c1e0", data_version: "transactions@2026-02-28" },
      },
    },
  },
  aliasCreated: {
    summary: "model_version_alias.created: becomes registry.model_version.promoted",
    headers: {
      "X-MLflow-Delivery-Id": "d6f1c2a0-alias-created",
      "X-MLflow-Timestamp": mlflowExampleTimestamp,
    },
    value: {
      entity: "model_version_alias",
      action: "created",
      timestamp: "2026-03-01T11:59:59.000000+00:00",
      data: { name: "fraud-model", alias: "champion", version: "7" },
    },
  },
} satisfies Record<string, RouteExample>;
