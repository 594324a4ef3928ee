import { createHmac } from "node:crypto";
import { unauthorized } from "../errors.ts";
import { secretsEqual } from "./constant-time.ts";

export interface MlflowSignatureHeaders {
  signature: unknown;
  deliveryId: unknown;
  timestamp: unknown;
}

/** MLflow's signature: `v1,` + base64 HMAC-SHA256(secret, "{delivery id}.{timestamp}.{raw body}"). */
export function mlflowSignature(secret: string, deliveryId: string, timestamp: string, raw: Buffer): string {
  const mac = createHmac("sha256", secret).update(`${deliveryId}.${timestamp}.`).update(raw).digest("base64");
  return `v1,${mac}`;
}

/**
 * Checks signature and freshness. The timestamp is signed, so an attacker cannot refresh an old
 * delivery; the window bounds how long a captured delivery can be replayed at all.
 */
export function verifyMlflowSignature(
  secret: string | undefined,
  maxAgeSeconds: number,
  now: Date,
  raw: Buffer,
  headers: MlflowSignatureHeaders,
): { deliveryId: string } {
  if (secret === undefined) {
    throw unauthorized("MLflow webhooks are not enabled: set MLFLOW_WEBHOOK_SECRET to the webhook's secret");
  }
  const { signature, deliveryId, timestamp } = headers;
  if (typeof signature !== "string" || signature === "")
    throw unauthorized("missing X-MLflow-Signature header");
  if (typeof deliveryId !== "string" || deliveryId === "")
    throw unauthorized("missing X-MLflow-Delivery-Id header");
  if (typeof timestamp !== "string" || !/^\d{1,12}$/.test(timestamp)) {
    throw unauthorized("missing or malformed X-MLflow-Timestamp header (unix seconds)");
  }
  if (!secretsEqual(signature, mlflowSignature(secret, deliveryId, timestamp, raw))) {
    throw unauthorized("X-MLflow-Signature does not match the delivery");
  }
  const ageSeconds = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (ageSeconds > maxAgeSeconds) {
    throw unauthorized(
      `X-MLflow-Timestamp is ${Math.round(ageSeconds)} s away from now; deliveries older than ${maxAgeSeconds} s are refused as replays`,
    );
  }
  return { deliveryId };
}
