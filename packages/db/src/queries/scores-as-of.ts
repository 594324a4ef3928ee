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
  axes: Record<Axis, { score: number; level: number }>;
}

/**
 * Every system that had been scored by `at`, with each axis's score and level as of then. One
 * index probe per system and axis (score_history_system_axis_at_idx), so the cost follows the
 * number of systems, not the length of the history.
 */
export async function scoresAsOf(db: Database, at: string): Promise<SystemScoresAsOf[]> {
  const rows = rowsOf<{ system_id: string; catalogue: unknown; axis: string; score: number; level: number }>(
    await db.execute(sql`
      select s.system_id, s.catalogue, a.axis, h.score, h.level
      from projections.systems s
      cross join unnest(${pgArrayLiteral(axes)}::text[]) as a(axis)
      join lateral (
        select score, level from projections.score_history
        where system_id = s.system_id and axis = a.axis and at <= ${at}::timestamptz
        order by at desc, id desc limit 1
      ) h on true
      order by s.system_id`),
  );
  const bySystem = new Map<string, SystemScoresAsOf>();
  for (const row of rows) {
    let entry = bySystem.get(row.system_id);
    if (entry === undefined) {
      entry = {
        systemId: row.system_id,
        catalogue: fromJsonb<CatalogueChange[]>(row.catalogue),
        axes: {} as SystemScoresAsOf["axes"],
      };
      bySystem.set(row.system_id, entry);
    }
    entry.axes[row.axis as Axis] = { score: Number(row.score), level: Number(row.level) };
  }
  // A system scored at all has a row on every axis (the first scoring writes all five).
  return [...bySystem.values()].filter((entry) => axes.every((axis) => entry.axes[axis] !== undefined));
}
