import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseHandle } from "@maturity/db";
import { latestRescoreRequest, openDatabase } from "@maturity/db";
import { createScratchDatabase, dumpProjections, testDatabaseUrl } from "@maturity/db/testing";
import type { ScratchDatabase } from "@maturity/db/testing";
import { openEmbeddedLog } from "@maturity/log";
import type { EventLog } from "@maturity/log";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { records } from "../../test/records.ts";
import { scenarioEvents } from "../../test/scenario-events.ts";
import { waitFor } from "../../test/wait-for.ts";
import { applyBatch } from "../apply-batch.ts";
import { startWorker } from "../worker.ts";

const now = Date.parse("2026-11-24T12:00:00.000Z");

describe("the re-score a GPU queue policy change owes every system (real Postgres)", () => {
  const scratches: ScratchDatabase[] = [];
  const handles: DatabaseHandle[] = [];
  const folders: string[] = [];
  const logs: EventLog[] = [];

  async function freshStore(): Promise<DatabaseHandle> {
    const scratch = await createScratchDatabase(testDatabaseUrl);
    scratches.push(scratch);
    const handle = await openDatabase({ url: scratch.url });
    handles.push(handle);
    return handle;
  }

  afterAll(async () => {
    for (const log of logs) await log.close();
    for (const handle of handles) await handle.close();
    for (const scratch of scratches) await scratch.drop();
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it("survives a worker that died before paying it: the next worker re-scores at start-up", async () => {
    const events = scenarioEvents();
    const queueEvents = events.filter((event) => event.type === "gpu.queue.configured");
    const otherEvents = events.filter((event) => event.type !== "gpu.queue.configured");
    expect(queueEvents.length).toBeGreaterThan(0);

    // Reference: the queue policy is known before any system is scored.
    const reference = await freshStore();
    await applyBatch(reference.db, records([...queueEvents, ...otherEvents]), now);

    // Systems scored first; then the policy arrives and its worker dies before re-scoring.
    const crashed = await freshStore();
    await applyBatch(crashed.db, records(otherEvents), now);
    const outcome = await applyBatch(crashed.db, records(queueEvents), now);
    expect(outcome.queuesChanged).toBe(true);
    expect(await latestRescoreRequest(crashed.db)).not.toBeNull();
    const stale = await dumpProjections(crashed.db);
    const expected = await dumpProjections(reference.db);
    // Otherwise the test would prove nothing: the policy does move some system's report.
    expect(stale.system_reports).not.toEqual(expected.system_reports);

    const folder = await mkdtemp(path.join(tmpdir(), "maturity-rescore-"));
    folders.push(folder);
    const log = await openEmbeddedLog(folder);
    logs.push(log);
    const worker = await startWorker({
      db: crashed.db,
      log,
      groupId: "after-crash",
      logger: pino({ level: "silent" }),
      clock: () => now,
      rescoreIntervalMs: 0,
      rollupIntervalMs: 0,
      telemetryRetentionDays: 0,
    });
    await waitFor(async () => (await latestRescoreRequest(crashed.db)) === null, "the owed re-score", 30_000);
    await worker.stop();

    const repaid = await dumpProjections(crashed.db);
    for (const table of ["system_reports", "axis_scores", "criterion_results", "risks"])
      expect(repaid[table], table).toEqual(expected[table]);
  }, 60_000);
});
