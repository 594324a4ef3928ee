import { createHmac } from "node:crypto";
import { unauthorized } from "../errors.ts";
import { secretsEqual } from "./constant-time.ts";

const v1Signature = /^v1=([0-9a-f]{64})$/i;

/** One v1 signature as PagerDuty computes it: `v1=` + hex HMAC-SHA256(secret, raw body). */
export function pagerdutySignature(secret: string, raw: Buffer): string {
  return `v1=${createHmac("sha256", secret).update(raw).digest("hex")}`;
}

/**
 * X-PagerDuty-Signature carries one or more comma-separated `v1=<hex>` signatures (one per secret
 * while PagerDuty rotates a subscription's secret), and PAGERDUTY_WEBHOOK_SECRETS one or more
 * secrets (the old and the new while the receiver rotates). Any valid pair passes. Every pair is
 * compared, each in constant time, with no early exit; entries of another version are skipped.
 */
export function verifyPagerdutySignature(secrets: readonly string[], raw: Buffer, header: unknown): void {
  if (secrets.length === 0) {
    throw unauthorized(
      "PagerDuty webhooks are not enabled: set PAGERDUTY_WEBHOOK_SECRETS to the webhook subscription's secret",
    );
  }
  if (typeof header !== "string" || header.trim() === "") {
    throw unauthorized("missing X-PagerDuty-Signature header; send v3 webhooks (a webhook subscription)");
  }
  const signatures = header
    .split(",")
    .map((entry) => v1Signature.exec(entry.trim()))
    .filter((match) => match !== null)
    .map((match) => `v1=${match[1]!.toLowerCase()}`);
  if (signatures.length === 0) {
    throw unauthorized("X-PagerDuty-Signature carries no v1=<hex HMAC-SHA256> signature");
  }
  const expected = secrets.map((secret) => pagerdutySignature(secret, raw));
  let valid = false;
  for (const signature of signatures) {
    for (const candidate of expected) valid = secretsEqual(signature, candidate) || valid;
  }
  if (!valid) throw unauthorized("X-PagerDuty-Signature does not match the body with any configured secret");
}
