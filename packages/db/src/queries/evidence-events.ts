// The stored events a report cites, by id: what the compliance views and the MCP server show of a
// criterion's evidence (its type and time), without loading the events' payloads.
import { unmappedSubject } from "@maturity/model";
import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { rowsOf } from "./rows-of.ts";

/** Event times as ISO text on both drivers (PGlite and postgres.js render timestamptz apart). */
export const isoTimeOf = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export interface EvidenceEvent {
  id: string;
  type: string;
  time: string;
}

/**
 * The type and time of the stored events with these ids that can bear on the system: its own,
 * those of native ids mapped to it (stored under their unmapped subject) and GPU queue policies.
 * Every lookup is by subject, so it stays on the (system_id, time) indexes however large the store.
 */
export async function evidenceEvents(
  db: Database,
  systemId: string,
  ids: readonly string[],
): Promise<Map<string, EvidenceEvent>> {
  if (ids.length === 0) return new Map();
  const others = rowsOf<{ subject: string; mapped: boolean }>(
    await db.execute(sql`
      select ref as subject, true as mapped from projections.source_mappings where system_id = ${systemId}
      union all
      select queue as subject, false as mapped from projections.queue_facts`),
  );
  const subjects = JSON.stringify([
    systemId,
    ...others.map((row) => (row.mapped ? unmappedSubject(row.subject) : row.subject)),
  ]);
  const wanted = JSON.stringify([...new Set(ids)]);
  const rows = rowsOf<{ event_id: string; type: string; time: string }>(
    await db.execute(sql`
      with subjects as (select jsonb_array_elements_text(${subjects}::jsonb) as subject),
        wanted as (select jsonb_array_elements_text(${wanted}::jsonb) as id)
      select event_id, type, ${isoTimeOf("time")} as time from events
        where system_id in (select subject from subjects) and event_id in (select id from wanted)
      union all
      select event_id, type, ${isoTimeOf("time")} as time from telemetry_events
        where system_id in (select subject from subjects) and event_id in (select id from wanted)`),
  );
  return new Map(rows.map((row) => [row.event_id, { id: row.event_id, type: row.type, time: row.time }]));
}
