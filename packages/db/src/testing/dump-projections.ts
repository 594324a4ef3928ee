import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { rowsOf } from "../queries/rows-of.ts";

const tables: Record<string, string> = {
  system_facts: "system_id",
  queue_facts: "queue",
  system_reports: "system_id",
  axis_scores: "system_id, axis",
  criterion_results: "system_id, criterion_id",
  risks: "risk_key",
  rollups: "scope",
  score_history: "system_id, axis, at, score",
  llm_usage_hourly: "system_id, feature, hour",
  unmapped_sources: "ref",
  source_mappings: "ref",
  systems: "system_id",
  active_policy: "scope",
};

/**
 * Every projection row as JSON text, in a stable order, leaving out surrogate keys: two stores
 * built from the same events must dump equal, however they were built.
 */
export async function dumpProjections(
  db: Database,
  schema = "projections",
): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const [table, order] of Object.entries(tables)) {
    const result = await db.execute(
      sql.raw(`select to_jsonb(t) - 'id' as row from "${schema}"."${table}" t order by ${order}`),
    );
    dump[table] = rowsOf<{ row: unknown }>(result).map((entry) =>
      JSON.stringify(typeof entry.row === "string" ? JSON.parse(entry.row) : entry.row),
    );
  }
  return dump;
}
