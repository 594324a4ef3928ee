import type { MaturityEvent } from "@maturity/model";
import { inArray, sql } from "drizzle-orm";
import type { Database, Transaction } from "../client.ts";
import { sourceMappings, unmappedSources } from "../schema/projections.ts";
import { upsertRows } from "./bulk-insert.ts";
import { rowsOf } from "./telemetry-partitions.ts";
import { fromJsonb } from "./jsonb.ts";

export async function loadSourceMappings(
  tx: Transaction,
  refs: readonly string[],
): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(sourceMappings)
    .where(inArray(sourceMappings.ref, [...new Set(refs)]));
  return new Map(rows.map((row) => [row.ref, row.systemId]));
}

/** Records new mappings and marks the unmapped ids they resolve as mapped. */
export async function saveSourceMappings(
  tx: Transaction,
  added: readonly { ref: string; systemId: string }[],
): Promise<void> {
  if (added.length === 0) return;
  await upsertRows(tx, sourceMappings, added, [sourceMappings.ref]);
  for (const { ref, systemId } of added) {
    await tx
      .update(unmappedSources)
      .set({ mappedTo: systemId })
      .where(sql`${unmappedSources.ref} = ${ref}`);
  }
}

/** Every stored event (telemetry included) whose subject is exactly this one, oldest first. */
export async function storedEventsOfSubject(tx: Transaction, subject: string): Promise<MaturityEvent[]> {
  const rows = rowsOf<{ payload: unknown }>(
    await tx.execute(sql`
      select payload from (
        select payload, time, source, event_id from events where system_id = ${subject}
        union all
        select payload, time, source, event_id from telemetry_events where system_id = ${subject}
      ) stored order by time, source, event_id`),
  );
  return rows.map((row) => fromJsonb<MaturityEvent>(row.payload));
}

/** Every mapping, for a resolver that keeps them in memory. */
export async function listSourceMappings(db: Database): Promise<Map<string, string>> {
  const rows = await db.select().from(sourceMappings);
  return new Map(rows.map((row) => [row.ref, row.systemId]));
}
