import { z } from "zod";

/**
 * How the portal learns who is asking. Both ways are off unless configured, and the portal is then
 * open to whoever reaches it as a local admin (the embedded first run), which it says on screen.
 */
export interface AuthConfig {
  /** Identity headers set by the authenticating proxy in front of the portal (SSO). */
  proxy?: {
    userHeader: string;
    /** Comma-separated groups of the user; the admin group grants the admin role. */
    groupsHeader?: string;
    nameHeader?: string;
    adminGroup: string;
    /** Peers allowed to assert identity headers; anyone else sending them is refused. */
    trustedProxies: string[];
  };
  /** Bearer tokens for automation: token → identity and role. */
  tokens: Map<string, { id: string; admin: boolean }>;
}

export function authConfigured(config: AuthConfig): boolean {
  return config.proxy !== undefined || config.tokens.size > 0;
}

const tokenEntry = z.string().regex(/^[\w.-]+:[^:\s]{16,}(:(viewer|admin))?$/, {
  error: 'expected "<name>:<token of 16+ characters>[:viewer|admin]"',
});

/** Parses MATURITY_API_TOKENS: comma-separated `name:token[:viewer|admin]` entries. */
export function parseApiTokens(text: string | undefined): AuthConfig["tokens"] {
  const tokens: AuthConfig["tokens"] = new Map();
  for (const entry of (text ?? "").split(",").map((part) => part.trim())) {
    if (entry === "") continue;
    const parsed = tokenEntry.safeParse(entry);
    if (!parsed.success) {
      throw new Error(
        `MATURITY_API_TOKENS: entry "${entry.split(":")[0]}:…" is not valid: ${parsed.error.issues[0]?.message}`,
      );
    }
    const [id, token, role] = entry.split(":") as [string, string, string | undefined];
    tokens.set(token, { id, admin: role === "admin" });
  }
  return tokens;
}
