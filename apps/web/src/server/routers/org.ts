import type { Database } from "@maturity/db";
import { latestReportTime, overviewRows, rankedRisks, scoresAsOf, scoresAt } from "@maturity/db";
import { trackGapSeries } from "@maturity/mcp";
import { identityAt } from "@maturity/scoring";
import type { axisSchema } from "@maturity/model";
import { axes, trackSchema } from "@maturity/model";
import { z } from "zod";
import { createTRPCRouter, viewerProcedure } from "../trpc.ts";
import { rankedRiskPage, riskFilterInput, riskPageInput } from "./risk-reads.ts";
import { waiverCountsByTeam, waiversInForce } from "./waiver-reads.ts";

const dayMs = 86_400_000;

type Axis = z.infer<typeof axisSchema>;
type Track = z.infer<typeof trackSchema>;

interface OverviewEntry {
  systemId: string;
  name: string;
  team: string;
  kind: Track;
  riskTier: string;
  axes: Record<Axis, { score: number; level: number; scoreThen: number | null }>;
}

/**
 * The active systems' scores now (from the narrow projection tables) or, with `asOf`, as the
 * platform had scored them then (the score history, named by the catalogue in effect then); each
 * with its score `trendDays` before. Evidence that arrived after `asOf` about earlier times is not
 * in a past view: it shows in the system's own view as of that date (docs/guarantees.md).
 */
async function overviewEntries(
  db: Database,
  asOf: string | undefined,
  trendDays: number,
): Promise<{ asOf: string | null; systems: OverviewEntry[] }> {
  if (asOf === undefined) {
    const latest = await latestReportTime(db);
    if (latest === null) return { asOf: null, systems: [] };
    const rows = await overviewRows(db, new Date(Date.parse(latest) - trendDays * dayMs).toISOString());
    const bySystem = new Map<string, OverviewEntry>();
    for (const row of rows) {
      const entry = bySystem.get(row.systemId) ?? {
        systemId: row.systemId,
        name: row.name,
        team: row.team,
        kind: row.kind as Track,
        riskTier: row.riskTier,
        axes: {} as OverviewEntry["axes"],
      };
      entry.axes[row.axis as Axis] = { score: row.score, level: row.level, scoreThen: row.scoreThen };
      bySystem.set(row.systemId, entry);
    }
    return { asOf: latest, systems: [...bySystem.values()] };
  }
  const at = new Date(asOf).toISOString();
  const [scored, before] = await Promise.all([
    scoresAsOf(db, at),
    scoresAt(db, new Date(Date.parse(at) - trendDays * dayMs).toISOString()),
  ]);
  const systems: OverviewEntry[] = [];
  for (const system of scored) {
    const identity = identityAt(system.systemId, system.catalogue, Date.parse(at));
    if (identity.retired) continue;
    systems.push({
      systemId: system.systemId,
      name: identity.name,
      team: identity.team,
      kind: identity.kind,
      riskTier: identity.riskTier,
      axes: Object.fromEntries(
        axes.map((axis) => [
          axis,
          { ...system.axes[axis], scoreThen: before.get(`${system.systemId}/${axis}`) ?? null },
        ]),
      ) as OverviewEntry["axes"],
    });
  }
  return { asOf: at, systems };
}

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
        })
        .default({ trendDays: 30 }),
    )
    .query(async ({ ctx, input }) => {
      const load = () => overviewEntries(ctx.db, input.asOf, input.trendDays);
      // The current map is the same for everyone until the next change; a past one is computed.
      const entries =
        input.asOf === undefined && ctx.readCache !== undefined
          ? await ctx.readCache.get(`overview:${input.trendDays}`, load)
          : await load();
      const levelCounts = Object.fromEntries(
        trackSchema.options.map((track) => [
          track,
          Object.fromEntries(axes.map((axis) => [axis, [0, 0, 0, 0, 0]])),
        ]),
      ) as Record<Track, Record<Axis, number[]>>;
      const systems = entries.systems.map(({ axes: scores, ...system }) => ({
        ...system,
        axes: Object.fromEntries(
          axes.map((axis) => {
            const { score, level, scoreThen } = scores[axis];
            levelCounts[system.kind][axis][level - 1]! += 1;
            const trend = scoreThen === null ? null : Math.round((score - scoreThen) * 100) / 100;
            return [axis, { score, level, trend }];
          }),
        ) as Record<Axis, { score: number; level: number; trend: number | null }>,
      }));
      return {
        asOf: entries.asOf,
        pointInTime: input.asOf !== undefined,
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
