import { unauthorized } from "../errors.ts";
import { secretsEqual } from "./constant-time.ts";

/** GitLab sends the webhook's secret token itself in X-Gitlab-Token. */
export function verifyGitlabToken(expected: string | undefined, header: unknown): void {
  if (expected === undefined) {
    throw unauthorized(
      "GitLab webhooks are not enabled: set GITLAB_WEBHOOK_TOKEN to the webhook's secret token",
    );
  }
  if (typeof header !== "string" || header === "") throw unauthorized("missing X-Gitlab-Token header");
  if (!secretsEqual(header, expected)) throw unauthorized("X-Gitlab-Token is not valid");
}
