// packages/policy's preview over every system in the store: what putting `to` in force instead of
// `from` would do to the scores as of `asOf`. A page of systems at a time, so memory stays flat;
// the portal's policy page and `maturity rubric preview --database-url|--data-dir` use it.
import type { Database } from "@maturity/db";
import { loadQueueFacts } from "@maturity/db";
import type { ActivePolicy, PolicyPreview } from "@maturity/policy";
import { mergePreviews, previewPolicy } from "@maturity/policy";
import type { QueueFacts } from "@maturity/scoring";
import { storedFactsPages } from "../projections/stored-facts.ts";

export async function previewStoredSystems(
  db: Database,
  {
    from,
    to,
    asOf,
    onProgress,
  }: { from: ActivePolicy; to: ActivePolicy; asOf: number; onProgress?: (done: number) => void },
): Promise<{ preview: PolicyPreview; systems: number; skipped: number }> {
  const queues = (await loadQueueFacts(db)) as Record<string, QueueFacts>;
  const skipped = { count: 0 };
  const parts: PolicyPreview[] = [];
  let systems = 0;
  for await (const page of storedFactsPages(db, skipped)) {
    parts.push(previewPolicy({ systems: page, queues, asOf, from, to }));
    systems += page.length;
    onProgress?.(systems);
  }
  return { preview: mergePreviews(parts, asOf, from, to), systems, skipped: skipped.count };
}
