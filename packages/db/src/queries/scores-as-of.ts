// The organisation as the platform had scored it at a past time, read from the score history
// (one row per change of a system's axis score) instead of re-folding every stored event: each
// system's last row per axis at or before the time, and its catalogue changes to name it then.
import type { Axis, CatalogueChange } from "@maturity/model";
import { axes } from "@maturity/model";
import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { fromJsonb } from "./jsonb.ts";
import { pgArrayLiteral } from "./pg-array.ts";
import { rowsOf } from "./rows-of.ts";

export interface SystemScoresAsOf {
  systemId: string;
  /** The system's catalogue changes (all of them: the caller takes those in effect then). */
  catalogue: CatalogueChange[];
  /** Each axis's score and level at `at`, and its score at `then` (null: not scored yet). */
  axes: Record<Axis, { score: number; level: number; scoreThen: number | null }>;
}

/**
 * Every system that had been scored by `at`, with each axis's score and level as of then and its
 * score as of `then` (for a trend). Two index probes per system and axis
 * (score_history_system_axis_at_idx), so the cost follows the number of systems, not the length
 * of the history; one row per system, so its catalogue is read once.
 */
export async function scoresAsOf(db: Database, at: string, then: string): Promise<SystemScoresAsOf[]> {
  const rows = rowsOf<{ system_id: string; catalogue: unknown; scores: unknown }>(
    await db.execute(sql`
      select s.system_id, s.catalogue, x.scores
      from projections.systems s
      join lateral (
        select jsonb_object_agg(a.axis, jsonb_build_array(h.score, h.level, t.score)) as scores
        from unnest(${pgArrayLiteral(axes)}::text[]) as a(axis)
        join lateral (
          select score, level from projections.score_history
          where system_id = s.system_id and axis = a.axis and at <= ${at}::timestamptz
          order by at desc, id desc limit 1
        ) h on true
        left join lateral (
          select score from projections.score_history
          where system_id = s.system_id and axis = a.axis and at <= ${then}::timestamptz
          order by at desc, id desc limit 1
        ) t on true
      ) x on x.scores is not null
      order by s.system_id`),
  );
  const systems: SystemScoresAsOf[] = [];
  for (const row of rows) {
    const scores = fromJsonb<Partial<Record<Axis, [number, number, number | null]>>>(row.scores);
    // A system scored at all has a row on every axis (the first scoring writes all five).
    if (!axes.every((axis) => scores[axis] !== undefined)) continue;
    systems.push({
      systemId: row.system_id,
      catalogue: fromJsonb<CatalogueChange[]>(row.catalogue),
      axes: Object.fromEntries(
        axes.map((axis) => {
          const [score, level, scoreThen] = scores[axis]!;
          return [
            axis,
            {
              score: Number(score),
              level: Number(level),
              scoreThen: scoreThen === null ? null : Number(scoreThen),
            },
          ];
        }),
      ) as SystemScoresAsOf["axes"],
    });
  }
  return systems;
}
