import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { Database } from "@maturity/db";
import type { BackstageMappingOptions } from "@maturity/backstage";
import type { LogRecord } from "@maturity/log";
import type { TRPCError } from "@trpc/server";
import { fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { AlertsConfig } from "@maturity/alerts";
import type { FastifyInstance } from "fastify";
import { auditPackRoute } from "./audit-pack/audit-pack-route.ts";
import type { SigningKey } from "./audit-pack/build-pack.ts";
import type { AuthConfig } from "./auth/auth-config.ts";
import { authConfigured } from "./auth/auth-config.ts";
import { identify } from "./auth/identify.ts";
import type { Viewer } from "./auth/viewer.ts";
import { backstageImportRoute } from "./imports/backstage-import-route.ts";
import { createReadCache } from "./live/read-cache.ts";
import { mcpRoute } from "./mcp/mcp-route.ts";
import type { ScoreChangeFeed } from "./live/score-change-feed.ts";
import { appRouter } from "./router.ts";
import type { AppRouter } from "./router.ts";
import { createInnerContext } from "./trpc.ts";

export interface WebOptions {
  db: Database;
  auth: AuthConfig;
  scoreChanges?: ScoreChangeFeed;
  appendToLog?: (records: LogRecord[]) => Promise<void>;
  /** Signs the audit packs (MATURITY_SIGNING_KEY); absent, they are unsigned. */
  signingKey?: SigningKey;
  /** How Backstage imports tell ML systems (MATURITY_BACKSTAGE_TYPES). */
  backstageMapping?: BackstageMappingOptions;
  /** MATURITY_PUBLIC_URL: the origin browsers may call /mcp from, and the base of its links. */
  publicUrl?: string;
  /** The alerts file (MATURITY_ALERTS): its destinations and rules, for the alerts admin page. */
  alerts?: AlertsConfig;
  /** The history a forecast needs at least (MATURITY_FORECAST_MIN_HISTORY_DAYS); absent, 28 days. */
  forecastMinHistoryDays?: number;
}

const clientDist = fileURLToPath(new URL("../../dist/client", import.meta.url));

/**
 * The portal: the tRPC API under /trpc, audit pack downloads under /api, the MCP server at /mcp,
 * and the built React app for every other GET.
 */
export async function webPlugin(app: FastifyInstance, options: WebOptions): Promise<void> {
  // Each request is identified once, here; with sign-on configured nothing of the portal is served
  // to a request without an identity. The tRPC context reads the viewer found.
  const viewers = new WeakMap<object, Viewer>();
  const guarded = authConfigured(options.auth);
  app.addHook("onRequest", async (request, reply) => {
    const identified = identify(options.auth, { headers: request.headers, remoteAddress: request.ip });
    if ("refused" in identified) {
      if (guarded) return reply.status(401).send({ error: "unauthorized", message: identified.refused });
    } else viewers.set(request, identified.viewer);
  });
  const readCache = createReadCache();
  if (options.scoreChanges !== undefined) {
    const stop = new AbortController();
    const changes = options.scoreChanges.changes(stop.signal);
    void (async () => {
      for await (const _change of changes) readCache.clear();
    })();
    app.addHook("onClose", async () => stop.abort());
  }
  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }: { req: object }) =>
        createInnerContext({
          db: options.db,
          viewer: viewers.get(req) ?? null,
          ...(options.scoreChanges !== undefined && { scoreChanges: options.scoreChanges }),
          ...(options.appendToLog !== undefined && { appendToLog: options.appendToLog }),
          ...(options.signingKey !== undefined && { signingKey: options.signingKey }),
          ...(options.alerts !== undefined && { alerts: options.alerts }),
          ...(options.forecastMinHistoryDays !== undefined && {
            forecastMinHistoryDays: options.forecastMinHistoryDays,
          }),
          readCache,
        }),
      onError: ({ error, path }: { error: TRPCError; path?: string }) => {
        // The caller's mistakes (bad input, no sign-on) are said to the caller; only ours are errors.
        if (getHTTPStatusCodeFromError(error) < 500)
          app.log.info({ path, code: error.code, reason: error.message }, "tRPC request refused");
        else app.log.error({ err: error, path }, "tRPC procedure failed");
      },
    } satisfies { router: AppRouter; [key: string]: unknown },
  });
  // A file, not a procedure: plain HTTP, behind the same sign-on hook as /trpc.
  auditPackRoute(app, {
    db: options.db,
    viewerOf: (request) => viewers.get(request),
    ...(options.appendToLog !== undefined && { appendToLog: options.appendToLog }),
    ...(options.signingKey !== undefined && { signingKey: options.signingKey }),
  });
  backstageImportRoute(app, {
    db: options.db,
    ...(options.backstageMapping !== undefined && { mapping: options.backstageMapping }),
    viewerOf: (request) => viewers.get(request),
    ...(options.appendToLog !== undefined && { appendToLog: options.appendToLog }),
  });
  // The MCP server for agents (Streamable HTTP), behind the same sign-on hook as /trpc.
  mcpRoute(app, {
    db: options.db,
    viewerOf: (request) => viewers.get(request),
    ...(options.publicUrl !== undefined && { publicUrl: options.publicUrl }),
  });
  const built = existsSync(clientDist);
  if (built) await app.register(fastifyStatic, { root: clientDist, wildcard: false });
  else app.log.warn({ clientDist }, "the portal is not built; run `npm run build -w @maturity/web`");
  // Client-side routes all load the same page.
  app.setNotFoundHandler((request, reply) => {
    if (
      request.method === "GET" &&
      !request.url.startsWith("/trpc") &&
      !request.url.startsWith("/v1/") &&
      !request.url.startsWith("/api/")
    ) {
      if (built) return reply.sendFile("index.html");
      return reply
        .status(503)
        .type("text/plain")
        .send(
          "The portal's pages are not built yet: run `npm run build -w @maturity/web` and reload. The API is at /trpc.\n",
        );
    }
    return reply
      .status(404)
      .send({ error: "not_found", message: `no route for ${request.method} ${request.url}` });
  });
}
