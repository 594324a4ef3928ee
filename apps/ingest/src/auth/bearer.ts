import type { FastifyRequest } from "fastify";
import type { IngestConfig } from "../env.ts";
import { unauthorized } from "../errors.ts";
import { secretsEqual } from "./constant-time.ts";

/**
 * An onRequest hook: runs before the body is read, so an unauthenticated sender cannot make us
 * parse anything. Every configured token is compared (no early exit), each in constant time.
 */
export function bearerAuth(config: Pick<IngestConfig, "bearerAuth" | "tokens">) {
  return async function checkBearerToken(request: FastifyRequest): Promise<void> {
    if (!config.bearerAuth) return;
    const header = request.headers.authorization ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) {
      throw unauthorized(
        "send an Authorization: Bearer <token> header (tokens are set in INGEST_TOKENS)",
        "Bearer",
      );
    }
    let valid = false;
    for (const token of config.tokens) valid = secretsEqual(match[1]!, token) || valid;
    if (!valid) throw unauthorized("the bearer token is not valid", 'Bearer error="invalid_token"');
  };
}
