import { defaultMinHistoryDays } from "@maturity/scoring";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { InnerContext } from "../trpc.ts";
import { createTRPCRouter, viewerProcedure } from "../trpc.ts";
import { orgForecast, systemForecast, teamForecast } from "./forecast-reads.ts";

const asOfSchema = z.iso.datetime({ offset: true }).optional();
const minHistoryDays = (ctx: InnerContext) => ctx.forecastMinHistoryDays ?? defaultMinHistoryDays;

/**
 * When each axis is expected to reach its next level at the pace its score history shows, beside
 * the usual time for that step, and when LLM/agent operations catch up with classical ML
 * (docs/score-report.md#forecasts). As of the portal's now, or with `asOf` as of an earlier
 * instant (from the history recorded by then).
 */
export const forecastRouter = createTRPCRouter({
  /** One system's forecast per axis. */
  system: viewerProcedure
    .input(z.object({ systemId: z.string().min(1).max(200), asOf: asOfSchema }))
    .query(async ({ ctx, input }) => {
      const result = await systemForecast(ctx.db, input.systemId, input.asOf, minHistoryDays(ctx));
      if (result === null)
        throw new TRPCError({ code: "NOT_FOUND", message: `no score history for "${input.systemId}"` });
      return result;
    }),

  /** A team's: each track's median and the classical vs LLM/agent gap, and each system's in brief. */
  team: viewerProcedure
    .input(z.object({ team: z.string().min(1).max(200), asOf: asOfSchema }))
    .query(({ ctx, input }) => {
      const load = () => teamForecast(ctx.db, input.team, input.asOf, minHistoryDays(ctx));
      // The current forecast is the same for everyone until the next change.
      return input.asOf === undefined && ctx.readCache !== undefined
        ? ctx.readCache.get(`forecast:team:${input.team}`, load)
        : load();
    }),

  /** The organisation's, and the teams furthest behind their forecast (at most `limit`). */
  org: viewerProcedure
    .input(
      z
        .object({ asOf: asOfSchema, limit: z.number().int().min(1).max(200).default(10) })
        .default({ limit: 10 }),
    )
    .query(({ ctx, input }) => {
      const load = () => orgForecast(ctx.db, input.asOf, minHistoryDays(ctx), input.limit);
      return input.asOf === undefined && ctx.readCache !== undefined
        ? ctx.readCache.get(`forecast:org:${input.limit}`, load)
        : load();
    }),
});
