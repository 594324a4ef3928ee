import { rankedRisks } from "@maturity/db";
import { trackGapSeries } from "@maturity/mcp";
import { z } from "zod";
import { createTRPCRouter, viewerProcedure } from "../trpc.ts";
import { levelCountsOf, movers, wholeOverview } from "./overview-reads.ts";
import { rankedRiskPage, riskFilterInput, riskPageInput } from "./risk-reads.ts";
import { waiverCountsByTeam, waiversInForce } from "./waiver-reads.ts";

export const orgRouter = createTRPCRouter({
  /**
   * Every system × axis: score, level and the change over the last `trendDays`; and how many
   * systems sit at each level per axis and track. Retired systems are left out. With `asOf`, the
   * organisation as the platform had scored it then, from the score history.
   */
  overview: viewerProcedure
    .input(
      z
        .object({
          trendDays: z.number().int().min(1).max(365).default(30),
          asOf: z.iso.datetime({ offset: true }).optional(),
          /** Only this team's systems (and their level counts): a team's page need not load them all. */
          team: z.string().min(1).optional(),
        })
        .default({ trendDays: 30 }),
    )
    .query(async ({ ctx, input }) => {
      const whole = await wholeOverview(ctx, input.asOf, input.trendDays);
      if (input.team === undefined) return whole;
      const systems = whole.systems.filter((system) => system.team === input.team);
      return { ...whole, systems, levelCounts: levelCountsOf(systems) };
    }),

  /** The scores that moved most over the last `trendDays`, up and down, in the organisation or one team. */
  movers: viewerProcedure
    .input(
      z.object({
        trendDays: z.number().int().min(1).max(365).default(30),
        team: z.string().min(1).optional(),
        limit: z.number().int().min(1).max(100).default(8),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { systems } = await wholeOverview(ctx, undefined, input.trendDays);
      return movers(
        input.team === undefined ? systems : systems.filter((system) => system.team === input.team),
        input.limit,
      );
    }),

  /**
   * The executive series: at the end of each of the last `weeks` weeks, the median score per axis
   * of classical systems and of LLM/agent systems, and the gap between them (positive: LLM
   * operations lag), for the organisation or one team. Read from the score history.
   */
  executiveSeries: viewerProcedure
    .input(
      z.object({ weeks: z.number().int().min(1).max(104).default(26), team: z.string().min(1).optional() }),
    )
    .query(({ ctx, input }) => trackGapSeries(ctx.db, input)),

  /**
   * The waivers in force (gov.waiver.granted, neither revoked nor expired) as the current reports
   * of the active systems list them: each one, soonest expiry first, and how many per team.
   */
  waivers: viewerProcedure.query(async ({ ctx }) => {
    const waivers = await waiversInForce(ctx.db);
    return { total: waivers.length, teams: waiverCountsByTeam(waivers), waivers };
  }),

  /** Ranked risks, highest first, with filters. */
  risks: viewerProcedure
    .input(riskFilterInput.extend({ limit: z.number().int().min(1).max(1_000).default(100) }))
    .query(({ ctx, input }) => rankedRisks(ctx.db, input)),

  /** The ranked risks a page at a time (pass `nextCursor` back as `cursor`), with how many match. */
  riskPage: viewerProcedure.input(riskPageInput).query(({ ctx, input }) => rankedRiskPage(ctx.db, input)),
});
