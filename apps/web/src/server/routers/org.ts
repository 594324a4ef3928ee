import { currentReports, historyOfSystems, rankedRisks, scoresAt } from "@maturity/db";
import { median } from "@maturity/scoring";
import type { axisSchema } from "@maturity/model";
import { axes, riskKindSchema, riskTierSchema, systemKindSchema, trackSchema } from "@maturity/model";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

const dayMs = 86_400_000;

/** Each system × axis score as it stood at `at`: the last history row at or before it. */
function scoresAsOf(
  history: readonly { systemId: string; axis: string; at: string; score: number }[],
  at: number,
): Map<string, number> {
  const scores = new Map<string, number>();
  for (const row of history)
    if (Date.parse(row.at) <= at) scores.set(`${row.systemId}/${row.axis}`, row.score);
  return scores;
}

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

  /**
   * The executive series: at the end of each of the last `weeks` weeks, the median score per axis
   * of classical systems and of LLM/agent systems, and the gap between them (positive: LLM
   * operations lag), for the organisation or one team. Read from the score history.
   */
  executiveSeries: publicProcedure
    .input(
      z.object({ weeks: z.number().int().min(1).max(104).default(26), team: z.string().min(1).optional() }),
    )
    .query(async ({ ctx, input }) => {
      const reports = (await currentReports(ctx.db)).filter(
        ({ report }) => !report.retired && (input.team === undefined || report.team === input.team),
      );
      const latest = reports.reduce((max, { asOf }) => Math.max(max, Date.parse(asOf)), 0);
      const history = await historyOfSystems(
        ctx.db,
        reports.map(({ report }) => report.systemId),
      );
      const kindOf = new Map(reports.map(({ report }) => [report.systemId, report.kind]));
      const points = [];
      for (let week = input.weeks - 1; week >= 0; week -= 1) {
        const at = latest - week * 7 * dayMs;
        const scores = scoresAsOf(history, at);
        const classical = {} as Record<z.infer<typeof axisSchema>, number | null>;
        const llm = {} as Record<z.infer<typeof axisSchema>, number | null>;
        const gap = {} as Record<z.infer<typeof axisSchema>, number | null>;
        for (const axis of axes) {
          // Rounded like the rollups, so the latest point equals the stored team/org figures.
          const of = (side: "classical" | "llm") => {
            const middle = median(
              [...scores]
                .filter(([key]) => key.endsWith(`/${axis}`))
                .filter(([key]) => {
                  const kind = kindOf.get(key.slice(0, key.lastIndexOf("/")));
                  return side === "classical" ? kind === "classical" : kind === "llm" || kind === "agent";
                })
                .map(([, score]) => score),
            );
            return middle === null ? null : Math.round(middle * 100) / 100;
          };
          classical[axis] = of("classical");
          llm[axis] = of("llm");
          gap[axis] =
            classical[axis] === null || llm[axis] === null
              ? null
              : Math.round((classical[axis]! - llm[axis]!) * 100) / 100;
        }
        points.push({ at: new Date(at).toISOString(), classical, llm, gap });
      }
      return { team: input.team ?? null, points };
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
