import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { systemsRouter } from "./routers/systems.ts";
import { createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  systems: systemsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
