// POST /mcp: the MCP server (@maturity/mcp) over Streamable HTTP, stateless, behind the portal's
// sign-on (the web plugin's hook has identified the request before it gets here) and an Origin
// check against DNS rebinding. GET and DELETE answer 405: no session or server stream is kept.
import type { Database } from "@maturity/db";
import { createMaturityMcpServer, handleStatelessHttp } from "@maturity/mcp";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Viewer } from "../auth/viewer.ts";
import { policyInForceNow } from "../routers/policy-reads.ts";
import { originRefusal } from "./origin.ts";

export interface McpRouteOptions {
  db: Database;
  /** MATURITY_PUBLIC_URL: the portal's origin for browsers, and the base of links in answers. */
  publicUrl?: string;
  /** Who the sign-on hook found; undefined: nobody (refused before this route when sign-on is on). */
  viewerOf: (request: FastifyRequest) => Viewer | undefined;
}

/** A JSON-RPC error with no request id, as the transport itself answers refusals. */
const rpcError = (message: string) => ({ jsonrpc: "2.0", error: { code: -32000, message }, id: null });

export function mcpRoute(app: FastifyInstance, options: McpRouteOptions): void {
  const rubricInForce = async () => (await policyInForceNow(options.db)).rubric;
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const refusal = originRefusal(request.headers.origin, request.headers.host, options.publicUrl);
    if (refusal !== undefined) return reply.status(403).send(rpcError(`Forbidden: ${refusal}`));
    if (options.viewerOf(request) === undefined)
      return reply
        .status(401)
        .send(rpcError("Unauthorized: send a bearer token (Authorization: Bearer <token>)"));
    if (request.method !== "POST")
      return reply
        .status(405)
        .header("allow", "POST")
        .send(
          rpcError("Method not allowed: this MCP endpoint is stateless; POST each JSON-RPC message to /mcp"),
        );
    const portalUrl = options.publicUrl ?? `${request.protocol}://${request.host}`;
    // The transport writes the response itself.
    reply.hijack();
    try {
      await handleStatelessHttp(
        () => createMaturityMcpServer({ db: options.db, rubricInForce, portalUrl }),
        request.raw,
        reply.raw,
        request.body,
      );
    } catch (error) {
      request.log.error({ err: error }, "the MCP request failed");
      if (!reply.raw.headersSent) reply.raw.writeHead(500, { "content-type": "application/json" });
      if (!reply.raw.writableEnded) reply.raw.end(JSON.stringify(rpcError("Internal error")));
    }
  };
  app.route({ method: ["GET", "POST", "DELETE"], url: "/mcp", handler });
}
