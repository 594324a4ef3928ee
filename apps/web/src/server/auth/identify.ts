import { secretsEqual } from "@maturity/ingest";
import type { AuthConfig } from "./auth-config.ts";
import { authConfigured } from "./auth-config.ts";
import type { Viewer } from "./viewer.ts";
import { adminRole, localAdmin } from "./viewer.ts";

export interface RequestIdentity {
  headers: Record<string, string | string[] | undefined>;
  remoteAddress: string | undefined;
}

export type Identification = { viewer: Viewer } | { refused: string };

function header(request: RequestIdentity, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/** IPv4 peers may show up IPv6-mapped ("::ffff:127.0.0.1"). */
function plainAddress(address: string | undefined): string {
  return (address ?? "").replace(/^::ffff:/, "");
}

/**
 * Who sent this request, or why they are refused. A bearer token wins over identity headers (an
 * automation call through the proxy); headers count only from a trusted proxy.
 */
export function identify(config: AuthConfig, request: RequestIdentity): Identification {
  if (!authConfigured(config)) return { viewer: localAdmin };
  const authorization = header(request, "authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    const given = authorization.slice("bearer ".length).trim();
    // Every token is compared (no early exit), each in constant time, as ingest does.
    let owner: { id: string; admin: boolean } | undefined;
    for (const [token, candidate] of config.tokens) if (secretsEqual(given, token)) owner = candidate;
    if (owner !== undefined) {
      return {
        viewer: {
          id: `token:${owner.id}`,
          name: owner.id,
          roles: owner.admin ? ["viewer", adminRole] : ["viewer"],
          via: "token",
        },
      };
    }
    return { refused: "the bearer token is not one of MATURITY_API_TOKENS" };
  }
  const proxy = config.proxy;
  const user = proxy === undefined ? undefined : header(request, proxy.userHeader);
  if (proxy !== undefined && user !== undefined) {
    if (!proxy.trustedProxies.includes(plainAddress(request.remoteAddress))) {
      return {
        refused: `identity headers are accepted only from the trusted proxies (MATURITY_AUTH_TRUSTED_PROXIES), not from ${plainAddress(request.remoteAddress) || "an unknown peer"}`,
      };
    }
    const groups = (proxy.groupsHeader === undefined ? undefined : header(request, proxy.groupsHeader))
      ?.split(",")
      .map((group) => group.trim())
      .filter(Boolean);
    const admin = groups?.includes(proxy.adminGroup) === true;
    return {
      viewer: {
        id: user,
        name: (proxy.nameHeader === undefined ? undefined : header(request, proxy.nameHeader)) ?? user,
        roles: admin ? ["viewer", adminRole] : ["viewer"],
        via: "proxy",
      },
    };
  }
  return {
    refused:
      proxy !== undefined
        ? `sign in first: no ${proxy.userHeader} header from the sign-on proxy, and no bearer token`
        : "send a bearer token (Authorization: Bearer <token>)",
  };
}
