import type { Database } from "@maturity/db";
import type { ConsumedRecord } from "@maturity/log";
import type { BatchOutcome, RejectedRecord } from "../apply-batch.ts";
import { applyBatch } from "../apply-batch.ts";
import type { ScoringSettings } from "../projections/score-systems.ts";
import { failureKind, failureReason } from "./failure-kind.ts";

export interface ApplyRecordsHooks {
  /**
   * The database cannot be reached: resolves when it is worth trying again (after a backoff),
   * or rejects to give the batch up (the worker is stopping). `attempt` counts from 0.
   */
  waitForDatabase(error: unknown, attempt: number): Promise<void>;
  /** The attempt after a wait succeeded: the database is writable again. */
  databaseBack(): void;
  /** True when the database answers a trivial query: a failure seen while it does not is not the data's. */
  databaseHealthy(): Promise<boolean>;
}

/** The embedded database broke while applying `records`; they are the suspects. */
export class DatabaseFault extends Error {
  constructor(
    readonly records: readonly ConsumedRecord[],
    readonly reason: string,
    options: { cause: unknown },
  ) {
    super(`the embedded database broke while applying ${records.length} record(s): ${reason}`, options);
    this.name = "DatabaseFault";
  }
}

/**
 * Applies a batch so that no record in it can stop the pipeline. A failure that says the database
 * is away is waited out; a failure in the data is retried once (it may have been a passing
 * conflict), then the batch is split in halves, each applied in its own transaction in log order,
 * until the records the database refuses are alone: those are returned as rejected with the
 * database's reason, everything else is applied. Records already stored by an earlier half count
 * as duplicates if delivered again, so nothing is counted twice.
 */
export async function applyRecords(
  db: Database,
  records: readonly ConsumedRecord[],
  now: number,
  settings: ScoringSettings,
  hooks: ApplyRecordsHooks,
): Promise<BatchOutcome> {
  const total: BatchOutcome = { applied: 0, duplicates: 0, rejected: [], changes: [], queuesChanged: false };
  const add = (outcome: BatchOutcome) => {
    total.applied += outcome.applied;
    total.duplicates += outcome.duplicates;
    total.rejected.push(...outcome.rejected);
    total.changes.push(...outcome.changes);
    total.queuesChanged ||= outcome.queuesChanged;
    if (outcome.policyActivated !== undefined) total.policyActivated = outcome.policyActivated;
  };

  // One transaction, as often as the database is away; a failure of any other kind is thrown.
  async function attempt(part: readonly ConsumedRecord[]): Promise<BatchOutcome> {
    for (let waits = 0; ; waits++) {
      try {
        const outcome = await applyBatch(db, part, now, settings);
        if (waits > 0) hooks.databaseBack();
        return outcome;
      } catch (error) {
        const kind = failureKind(error);
        if (kind === "fatal") throw new DatabaseFault(part, failureReason(error), { cause: error });
        if (kind === "unavailable" || !(await hooks.databaseHealthy())) {
          await hooks.waitForDatabase(error, waits);
          continue;
        }
        throw error;
      }
    }
  }

  async function applyOrSplit(part: readonly ConsumedRecord[], retry: boolean): Promise<void> {
    let failure: unknown;
    for (let tries = retry ? 2 : 1; tries > 0; tries--) {
      try {
        add(await attempt(part));
        return;
      } catch (error) {
        if (error instanceof DatabaseFault) throw error;
        failure = error;
      }
    }
    if (part.length === 1) {
      add({
        applied: 0,
        duplicates: 0,
        rejected: [refused(part[0]!, failure)],
        changes: [],
        queuesChanged: false,
      });
      return;
    }
    const half = Math.ceil(part.length / 2);
    await applyOrSplit(part.slice(0, half), false);
    await applyOrSplit(part.slice(half), false);
  }

  await applyOrSplit(records, true);
  return total;
}

function refused(record: ConsumedRecord, error: unknown): RejectedRecord {
  return {
    position: record.position,
    key: record.key,
    value: record.value,
    reasonKind: "database_refused",
    reason: `the database refused it: ${failureReason(error)}`,
  };
}
