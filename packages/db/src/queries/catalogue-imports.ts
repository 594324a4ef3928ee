import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { fromJsonb } from "./jsonb.ts";
import { rowsOf } from "./rows-of.ts";

/** What the earlier imports from one catalogue left for one system: the next import compares with it. */
export interface ImportedSystemState {
  systemId: string;
  entityRef: string;
  contentHash: string;
  retired: boolean;
  /** The owner the last import assigned, when it assigned one. */
  owner?: string;
  /** The id of the latest catalogue event: the next import's ids follow on from it. */
  lastEventId: string;
}

interface ImportOrigin {
  entityRef?: string;
  contentHash?: string;
}

/**
 * The systems stored events of this source (an import's `backstage:<location>`) registered,
 * updated or retired, each as its latest such event left it (by event time, then store order),
 * with the latest owner the same source assigned. Two statements over the (source, id) index.
 */
export async function importedSystems(db: Database, source: string): Promise<ImportedSystemState[]> {
  const entries = rowsOf<{ system_id: string; event_id: string; type: string; origin: unknown }>(
    await db.execute(sql`
      select distinct on (system_id) system_id, event_id, type, payload->'data'->'origin' as origin
      from events
      where source = ${source}
        and type in ('catalog.system.registered', 'catalog.system.updated', 'catalog.system.retired')
      order by system_id, time desc, seq desc`),
  );
  const owners = rowsOf<{ system_id: string; owner: string | null }>(
    await db.execute(sql`
      select distinct on (system_id) system_id, payload->'data'->>'owner' as owner
      from events
      where source = ${source} and type = 'gov.owner.assigned'
      order by system_id, time desc, seq desc`),
  );
  const ownerOf = new Map(owners.map((row) => [row.system_id, row.owner ?? undefined]));
  return entries.map((row) => {
    const origin = fromJsonb<ImportOrigin | null>(row.origin) ?? {};
    const owner = ownerOf.get(row.system_id);
    return {
      systemId: row.system_id,
      entityRef: origin.entityRef ?? row.system_id,
      contentHash: origin.contentHash ?? "",
      retired: row.type === "catalog.system.retired",
      lastEventId: row.event_id,
      ...(owner !== undefined && { owner }),
    };
  });
}
