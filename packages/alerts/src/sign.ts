// Standard Webhooks signatures (https://www.standardwebhooks.com): the receiver recomputes an
// HMAC-SHA256 over "{id}.{timestamp}.{body}" with the destination's secret. Sign each attempt
// anew (a fresh timestamp: receivers refuse ones more than five minutes off) but keep the id.
import { createHmac } from "node:crypto";
import { webhookSecretKey } from "./secrets.ts";

export interface WebhookHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

export interface SignInput {
  /** The message id: the same on every retry, so the receiver can drop duplicates. */
  id: string;
  /** The exact bytes sent. */
  body: string;
  /** `whsec_<base64>`. */
  secret: string;
  /** The attempt's time. */
  now: Date;
}

export function signWebhook({ id, body, secret, now }: SignInput): WebhookHeaders {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const signature = createHmac("sha256", webhookSecretKey(secret))
    .update(`${id}.${timestamp}.${body}`)
    .digest("base64");
  return { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` };
}
