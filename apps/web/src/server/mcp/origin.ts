// Which browser origins may call /mcp. A browser page tricked into calling the portal (DNS
// rebinding: evil.example resolving to 127.0.0.1) sends its own Origin, which is refused; clients
// that are no browser send none and are judged by their sign-on alone.

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Why a request with this Origin is refused, or undefined when it may go on: no Origin, the
 * portal's public address (MATURITY_PUBLIC_URL), or the portal's own page on this machine (a
 * loopback origin naming the very host the request was sent to).
 */
export function originRefusal(
  origin: string | undefined,
  host: string | undefined,
  publicUrl: string | undefined,
): string | undefined {
  if (origin === undefined) return undefined;
  let parsed: URL | undefined;
  try {
    parsed = origin === "null" ? undefined : new URL(origin);
  } catch {
    parsed = undefined;
  }
  if (parsed !== undefined) {
    if (publicUrl !== undefined && parsed.origin === new URL(publicUrl).origin) return undefined;
    if (loopbackHosts.has(parsed.hostname) && host !== undefined && parsed.host === host.toLowerCase())
      return undefined;
  }
  return (
    `requests from the web page at ${origin} may not use /mcp: only the portal's own origin` +
    `${publicUrl === undefined ? "" : ` (${new URL(publicUrl).origin})`} may. MCP clients that are no browser send no Origin header.`
  );
}
