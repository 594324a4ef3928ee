// The organisation overview's reads: every active system's scores, levels and trends now (kept
// until the next change) or as of a date (from the score history), and what is derived from it.
import type { Database } from "@maturity/db";
import { latestReportTime, overviewRows, scoresAsOf } from "@maturity/db";
import type { Axis } from "@maturity/model";
import { axes, trackSchema } from "@maturity/model";
import { identityAt } from "@maturity/scoring";
import type { z } from "zod";
import type { ReadCache } from "../live/read-cache.ts";

const dayMs = 86_400_000;

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
  const scored = await scoresAsOf(db, at, new Date(Date.parse(at) - trendDays * dayMs).toISOString());
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
      axes: system.axes,
    });
  }
  return { asOf: at, systems };
}

export type OverviewSystem = Omit<OverviewEntry, "axes"> & {
  axes: Record<Axis, { score: number; level: number; trend: number | null }>;
};

/** How many of `systems` sit at each level, per track and axis. */
export function levelCountsOf(systems: readonly OverviewSystem[]) {
  const counts = Object.fromEntries(
    trackSchema.options.map((track) => [
      track,
      Object.fromEntries(axes.map((axis) => [axis, [0, 0, 0, 0, 0]])),
    ]),
  ) as Record<Track, Record<Axis, number[]>>;
  for (const system of systems)
    for (const axis of axes) counts[system.kind][axis][system.axes[axis].level - 1]! += 1;
  return counts;
}

/** The overview's answer: each system's scores, levels and trends, and the level counts per track. */
async function overviewAnswer(db: Database, asOf: string | undefined, trendDays: number) {
  const entries = await overviewEntries(db, asOf, trendDays);
  const systems = entries.systems.map(({ axes: scores, ...system }): OverviewSystem => ({
    ...system,
    axes: Object.fromEntries(
      axes.map((axis) => {
        const { score, level, scoreThen } = scores[axis];
        const trend = scoreThen === null ? null : Math.round((score - scoreThen) * 100) / 100;
        return [axis, { score, level, trend }];
      }),
    ) as Record<Axis, { score: number; level: number; trend: number | null }>,
  }));
  return {
    asOf: entries.asOf,
    pointInTime: asOf !== undefined,
    trendDays,
    systems,
    levelCounts: levelCountsOf(systems),
  };
}

/** The whole organisation's overview; the current one is the same for everyone until the next change. */
export function wholeOverview(
  ctx: { db: Database; readCache?: ReadCache },
  asOf: string | undefined,
  trendDays: number,
) {
  const load = () => overviewAnswer(ctx.db, asOf, trendDays);
  // The whole answer is kept: at 10,000 systems shaping it costs as much as sending it.
  return asOf === undefined && ctx.readCache !== undefined
    ? ctx.readCache.get(`overview:${trendDays}`, load)
    : load();
}

/** Every system × axis that moved in the trend window: the biggest rises, and the worst drops. */
export function movers(systems: readonly OverviewSystem[], limit: number) {
  const moves = systems.flatMap((system) =>
    axes.flatMap((axis) => {
      const { trend, score } = system.axes[axis];
      return trend === null || trend === 0
        ? []
        : [{ systemId: system.systemId, name: system.name, team: system.team, axis, trend, score }];
    }),
  );
  moves.sort((a, b) => b.trend - a.trend);
  return {
    rises: moves.filter((move) => move.trend > 0).slice(0, limit),
    drops: moves
      .filter((move) => move.trend < 0)
      .reverse()
      .slice(0, limit),
  };
}
