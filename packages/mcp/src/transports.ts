// The two ways the server is reached: a local process over stdio (`maturity mcp`), and Streamable
// HTTP in stateless mode (the portal's /mcp): a fresh server and transport per request.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";

/** Serves `server` on this process's stdin/stdout; resolves once the client has gone (stdin closed). */
export async function serveStdio(server: McpServer): Promise<void> {
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
    process.stdin.once("end", resolve);
    process.stdin.once("close", resolve);
  });
  await server.connect(transport);
  await closed;
  await server.close();
}

/**
 * Answers one HTTP request of the Streamable HTTP transport (a POSTed JSON-RPC message or batch)
 * with a server of its own, in stateless mode (no session: every request stands alone) and with
 * JSON responses (no stream held open). The caller has authenticated the request and checked its
 * Origin; `body` is the parsed JSON body.
 */
export async function handleStatelessHttp(
  createServer: () => McpServer,
  request: IncomingMessage,
  response: ServerResponse,
  body: unknown,
): Promise<void> {
  const server = createServer();
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  response.on("close", () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(request, response, body);
}
