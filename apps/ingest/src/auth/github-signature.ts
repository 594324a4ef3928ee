import { createHmac } from "node:crypto";
import { unauthorized } from "../errors.ts";
import { secretsEqual } from "./constant-time.ts";

/** X-Hub-Signature-256: `sha256=` + hex HMAC-SHA256 of the raw body with the webhook secret. */
export function verifyGithubSignature(secret: string | undefined, raw: Buffer, header: unknown): void {
  if (secret === undefined) {
    throw unauthorized("GitHub webhooks are not enabled: set GITHUB_WEBHOOK_SECRET to the webhook's secret");
  }
  if (typeof header !== "string" || !header.startsWith("sha256=")) {
    throw unauthorized("missing X-Hub-Signature-256 header; set a secret on the GitHub webhook");
  }
  const expected = `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
  if (!secretsEqual(header, expected)) throw unauthorized("X-Hub-Signature-256 does not match the body");
}
