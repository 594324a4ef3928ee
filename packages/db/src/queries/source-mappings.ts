import type { MaturityEvent } from "@maturity/model";
import { inArray, sql } from "drizzle-orm";
import type { Database, Transaction } from "../client.ts";
import { sourceMappings, unmappedSources } from "../schema/projections.ts";
import { upsertRows } from "./bulk-insert.ts";
import { pgArrayLiteral } from "./pg-array.ts";
import { rowsOf } from "./rows-of.ts";
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

/** Records new mappings and marks the unmapped ids they resolve as mapped (two statements). */
export async function saveSourceMappings(
  tx: Transaction,
  added: readonly { ref: string; systemId: string }[],
): Promise<void> {
  if (added.length === 0) return;
  await upsertRows(tx, sourceMappings, added, [sourceMappings.ref]);
  const refs = pgArrayLiteral(added.map(({ ref }) => ref));
  const systemIds = pgArrayLiteral(added.map(({ systemId }) => systemId));
  await tx.execute(sql`
    update ${unmappedSources} set mapped_to = m.system_id
    from unnest(${refs}::text[], ${systemIds}::text[]) as m(ref, system_id)
    where ${unmappedSources.ref} = m.ref`);
}

/**
 * Every stored event (telemetry included) whose subject is one of these, oldest first per
 * subject: one statement however many subjects.
 */
export async function storedEventsOfSubjects(
  tx: Transaction,
  subjects: readonly string[],
): Promise<Map<string, MaturityEvent[]>> {
  const bySubject = new Map<string, MaturityEvent[]>(subjects.map((subject) => [subject, []]));
  if (subjects.length === 0) return bySubject;
  const wanted = pgArrayLiteral([...new Set(subjects)]);
  const rows = rowsOf<{ system_id: string; payload: unknown }>(
    await tx.execute(sql`
      select system_id, payload from (
        select system_id, payload, time, source, event_id from events
        where system_id = any(${wanted}::text[])
        union all
        select system_id, payload, time, source, event_id from telemetry_events
        where system_id = any(${wanted}::text[])
      ) stored order by system_id, time, source, event_id`),
  );
  for (const row of rows) bySubject.get(row.system_id)!.push(fromJsonb<MaturityEvent>(row.payload));
  return bySubject;
}

/** Every mapping, for a resolver that keeps them in memory. */
export async function listSourceMappings(db: Database): Promise<Map<string, string>> {
  const rows = await db.select().from(sourceMappings);
  return new Map(rows.map((row) => [row.ref, row.systemId]));
}
