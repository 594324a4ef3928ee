// An embedded event log for router tests of admin actions: what the portal appends is read back,
// and applied by the real worker the way it would be (every record not applied yet, in order).
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Database } from "@maturity/db";
import type { EventLog } from "@maturity/log";
import { openEmbeddedLog } from "@maturity/log";
import { applyBatch } from "@maturity/worker";
import { afterAll, beforeAll } from "vitest";

export interface AdminLog {
  /** The log's append, for the tRPC context's appendToLog. */
  append: EventLog["append"];
  /** Every record appended so far, in order. */
  appended(): Promise<{ key: string; value: string }[]>;
  /** Applies the records appended since the last call to `db`, through the worker's applyBatch. */
  applyAppended(db: Database): Promise<void>;
}

/** A fresh log for the suite (opened before its tests, removed after). */
export function suiteAdminLog(name: string): AdminLog {
  let logDir: string | undefined;
  let log: EventLog | undefined;
  let applied = 0;
  beforeAll(async () => {
    logDir = await mkdtemp(path.join(tmpdir(), `maturity-${name}-`));
    log = await openEmbeddedLog(logDir);
  });
  afterAll(async () => {
    await log?.close();
    if (logDir) await rm(logDir, { recursive: true, force: true });
  });
  const appended = async () =>
    (await readFile(path.join(logDir!, "events.ndjson"), "utf8").catch(() => ""))
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as { key: string; value: string });
  return {
    append: (records) => log!.append(records),
    appended,
    async applyAppended(db) {
      const records = await appended();
      const fresh = records
        .slice(applied)
        .map((record, index) => ({ ...record, position: `${name}@${applied + index}` }));
      applied = records.length;
      await applyBatch(db, fresh, Date.now());
    },
  };
}
