// A demo organisation (packages/demo) applied straight through the worker's apply path, in batches
// in the generator's order with the worker's clock following the events: much quicker than the
// first run's week-by-week seeding through the log, for suites that need many systems but little
// history.
import type { Database } from "@maturity/db";
import type { DemoOptions } from "@maturity/demo";
import { newProgress, organisationHistory, planOrganisation } from "@maturity/demo";
import { applyBatch, refreshRollups } from "@maturity/worker";

const batchSize = 5_000;

/** Applies the organisation `options` describes and refreshes the rollups; resolves to its event count. */
export async function applyDemoOrganisation(db: Database, options: DemoOptions): Promise<number> {
  let batch: string[] = [];
  let clock = 0;
  let applied = 0;
  const flush = async () => {
    const records = batch.map((value, index) => ({ key: "", value, position: `demo@${applied + index}` }));
    await applyBatch(db, records, clock);
    applied += batch.length;
    batch = [];
  };
  for (const event of organisationHistory(planOrganisation(options), options, newProgress())) {
    batch.push(JSON.stringify(event));
    clock = Math.max(clock, Date.parse(event.time));
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await refreshRollups(db, options.end);
  return applied;
}
