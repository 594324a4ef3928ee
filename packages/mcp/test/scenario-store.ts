// A store holding the CLI's example organisation (apps/cli/examples/scenarios.ndjson: 8 systems in
// 4 teams), applied by the worker's own code as the platform would, for the MCP tests. The worker
// is an app, so the suites (apps/cli, apps/web) pass its functions in: packages never import apps.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Database } from "@maturity/db";
import type { Rubric } from "@maturity/model/rubric";

/** The worker's functions that fill a store (apps/worker: applyBatch, refreshRollups, policyInForce). */
export interface WorkerApply {
  applyBatch(
    db: Database,
    records: { key: string; value: string; position: string }[],
    now: number,
  ): Promise<unknown>;
  refreshRollups(db: Database, now: number): Promise<unknown>;
}

export const scenariosFile = fileURLToPath(
  new URL("../../../apps/cli/examples/scenarios.ndjson", import.meta.url),
);

/** The worker's clock while applying: the scenario's end. */
export const scenarioAsOf = "2026-11-24T00:00:00.000Z";

export function scenarioLines(): string[] {
  return readFileSync(scenariosFile, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
}

/**
 * Applies the scenario's events in time order, in batches of 100 as the log hands them over, each
 * scored at its newest event's time (so the history spreads over the months), then the rollups.
 */
export async function fillWithScenarios(db: Database, worker: WorkerApply): Promise<void> {
  const lines = scenarioLines()
    .map((value) => ({ value, time: Date.parse((JSON.parse(value) as { time: string }).time) }))
    .sort((a, b) => a.time - b.time);
  let clock = 0;
  for (let start = 0; start < lines.length; start += 100) {
    const batch = lines.slice(start, start + 100);
    clock = Math.max(clock, ...batch.map((line) => line.time));
    const records = batch.map((line, index) => ({
      key: "",
      value: line.value,
      position: `mcp@${start + index}`,
    }));
    await worker.applyBatch(db, records, clock);
  }
  await worker.refreshRollups(db, Math.max(clock, Date.parse(scenarioAsOf)));
}

/** What hosts pass as the rubric in force: the worker's resolution of the stored policy. */
export const rubricInForceOf =
  (db: Database, policyInForce: (db: Database) => Promise<{ rubric: Rubric }>) => async () =>
    (await policyInForce(db)).rubric;
