import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { Database } from "@maturity/db";
import { fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import type { FastifyInstance } from "fastify";
import { appRouter } from "./router.ts";
import type { AppRouter } from "./router.ts";

export interface WebOptions {
  db: Database;
}

const clientDist = fileURLToPath(new URL("../../dist", import.meta.url));

/** The portal: the tRPC API under /trpc and the built React app for every other GET. */
export async function webPlugin(app: FastifyInstance, options: WebOptions): Promise<void> {
  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: () => ({ db: options.db }),
      onError: ({ error, path }: { error: Error; path?: string }) => {
        app.log.error({ err: error, path }, "tRPC procedure failed");
      },
    } satisfies { router: AppRouter; [key: string]: unknown },
  });
  if (!existsSync(clientDist)) {
    app.log.warn({ clientDist }, "the portal is not built; run `npm run build -w @maturity/web`");
    return;
  }
  await app.register(fastifyStatic, { root: clientDist, wildcard: false });
  // Client-side routes all load the same page.
  app.setNotFoundHandler((request, reply) => {
    if (request.method === "GET" && !request.url.startsWith("/trpc") && !request.url.startsWith("/v1/")) {
      return reply.sendFile("index.html");
    }
    return reply
      .status(404)
      .send({ error: "not_found", message: `no route for ${request.method} ${request.url}` });
  });
}
