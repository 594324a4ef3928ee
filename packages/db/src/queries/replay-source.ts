import type { MaturityEvent } from "@maturity/model";
import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Database } from "../client.ts";
import { rowsOf } from "./rows-of.ts";
import { toIsoTime } from "./time.ts";
import { fromJsonb } from "./jsonb.ts";

export interface AppliedGroup {
  /** The worker clock of the batch (or batches) that applied these events, epoch ms. */
  appliedAt: number;
  events: MaturityEvent[];
}

/**
 * Streams every stored event (telemetry included) grouped by the clock reading of the batch that
 * applied it, oldest first: the order and the instants the worker scored them at.
 */
export async function* readAppliedGroups(db: Database, groupsPerPage = 200): AsyncGenerator<AppliedGroup> {
  let after: string | null = null;
  for (;;) {
    // Each side walks its (applied_at) index and stops after a page: no sort of the whole store.
    const after_: SQL = after === null ? sql`true` : sql`applied_at > ${after}::timestamptz`;
    const mainClocks = rowsOf<{ applied_at: string }>(
      await db.execute(
        sql`select applied_at from events where ${after_} group by applied_at order by applied_at limit ${groupsPerPage}`,
      ),
    );
    const telemetryClocks = rowsOf<{ applied_at: string }>(
      await db.execute(
        sql`select applied_at from telemetry_events where ${after_} group by applied_at order by applied_at limit ${groupsPerPage}`,
      ),
    );
    const clocks = [
      ...new Set([...mainClocks, ...telemetryClocks].map((row) => toIsoTime(String(row.applied_at)))),
    ]
      .sort()
      .slice(0, groupsPerPage);
    if (clocks.length === 0) return;
    const from = clocks[0]!;
    const to = clocks[clocks.length - 1]!;
    const rows = rowsOf<{ applied_at: string; payload: unknown }>(
      await db.execute(sql`
        select applied_at, payload from (
          select applied_at, payload, 0 as part, seq, '' as source, '' as event_id from events
            where applied_at between ${from}::timestamptz and ${to}::timestamptz
          union all
          select applied_at, payload, 1 as part, 0 as seq, source, event_id from telemetry_events
            where applied_at between ${from}::timestamptz and ${to}::timestamptz
        ) page order by applied_at, part, seq, source, event_id`),
    );
    let group: AppliedGroup | undefined;
    for (const row of rows) {
      const appliedAt = Date.parse(toIsoTime(String(row.applied_at)));
      if (group === undefined || group.appliedAt !== appliedAt) {
        if (group !== undefined) yield group;
        group = { appliedAt, events: [] };
      }
      group.events.push(fromJsonb<MaturityEvent>(row.payload));
    }
    if (group !== undefined) yield group;
    after = to;
  }
}

export async function countStoredEvents(db: Database): Promise<number> {
  const [row] = rowsOf<{ count: number }>(
    await db.execute(
      sql`select ((select count(*) from events) + (select count(*) from telemetry_events))::int as count`,
    ),
  );
  return row?.count ?? 0;
}

export async function listRescoreTicks(db: Database): Promise<number[]> {
  const rows = rowsOf<{ at: string }>(await db.execute(sql`select at from rescore_ticks order by at`));
  return rows.map((row) => Date.parse(toIsoTime(String(row.at))));
}
