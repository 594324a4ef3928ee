import { currentReports, rankedRisks, scoresAt } from "@maturity/db";
import type { axisSchema } from "@maturity/model";
import { axes, riskKindSchema, riskTierSchema, systemKindSchema, trackSchema } from "@maturity/model";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

const dayMs = 86_400_000;

export const orgRouter = createTRPCRouter({
  /**
   * Every system × axis: score, level and the change over the last `trendDays`; and how many
   * systems sit at each level per axis and track. Retired systems are left out.
   */
  overview: publicProcedure
    .input(z.object({ trendDays: z.number().int().min(1).max(365).default(30) }).default({ trendDays: 30 }))
    .query(async ({ ctx, input }) => {
      const reports = (await currentReports(ctx.db)).filter(({ report }) => !report.retired);
      const latest = reports.reduce((max, { asOf }) => Math.max(max, Date.parse(asOf)), 0);
      const before = await scoresAt(ctx.db, new Date(latest - input.trendDays * dayMs).toISOString());
      const levelCounts = Object.fromEntries(
        trackSchema.options.map((track) => [
          track,
          Object.fromEntries(axes.map((axis) => [axis, [0, 0, 0, 0, 0]])),
        ]),
      ) as Record<z.infer<typeof trackSchema>, Record<z.infer<typeof axisSchema>, number[]>>;
      const systems = reports.map(({ report }) => ({
        systemId: report.systemId,
        name: report.name,
        team: report.team,
        kind: report.kind,
        riskTier: report.riskTier,
        axes: Object.fromEntries(
          axes.map((axis) => {
            const { score, level } = report.axes[axis];
            levelCounts[report.kind][axis][level - 1]! += 1;
            const then = before.get(`${report.systemId}/${axis}`);
            return [
              axis,
              { score, level, trend: then === undefined ? null : Math.round((score - then) * 100) / 100 },
            ];
          }),
        ) as Record<z.infer<typeof axisSchema>, { score: number; level: number; trend: number | null }>,
      }));
      return {
        asOf: latest === 0 ? null : new Date(latest).toISOString(),
        trendDays: input.trendDays,
        systems,
        levelCounts,
      };
    }),

  /** Ranked risks, highest first, with filters. */
  risks: publicProcedure
    .input(
      z.object({
        team: z.string().min(1).optional(),
        kind: riskKindSchema.optional(),
        systemKind: systemKindSchema.optional(),
        riskTier: riskTierSchema.optional(),
        limit: z.number().int().min(1).max(1_000).default(100),
      }),
    )
    .query(({ ctx, input }) => rankedRisks(ctx.db, input)),
});
