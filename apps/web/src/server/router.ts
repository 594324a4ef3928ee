import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { alertsRouter } from "./routers/alerts.ts";
import { authRouter } from "./routers/auth.ts";
import { campaignsRouter } from "./routers/campaigns.ts";
import { complianceRouter } from "./routers/compliance.ts";
import { deadLettersRouter } from "./routers/dead-letters.ts";
import { forecastRouter } from "./routers/forecast.ts";
import { liveRouter } from "./routers/live.ts";
import { orgRouter } from "./routers/org.ts";
import { policyRouter } from "./routers/policy.ts";
import { sourcesRouter } from "./routers/sources.ts";
import { systemRouter } from "./routers/system.ts";
import { systemsRouter } from "./routers/systems.ts";
import { teamsRouter } from "./routers/teams.ts";
import { createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  live: liveRouter,
  systems: systemsRouter,
  sources: sourcesRouter,
  org: orgRouter,
  teams: teamsRouter,
  system: systemRouter,
  deadLetters: deadLettersRouter,
  policy: policyRouter,
  compliance: complianceRouter,
  alerts: alertsRouter,
  campaigns: campaignsRouter,
  forecast: forecastRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
