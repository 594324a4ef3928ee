import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { sourcesRouter } from "./routers/sources.ts";
import { systemsRouter } from "./routers/systems.ts";
import { createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  systems: systemsRouter,
  sources: sourcesRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
