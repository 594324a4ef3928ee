import type { ConsumedRecord } from "@maturity/log";

interface BatchInHand {
  since: number;
  /** When the log took its oldest record (or when the batch arrived, where the log cannot say). */
  oldestAppendedAt: number;
}

export interface Readiness {
  ready: boolean;
  /** Why not, in words an operator can act on; empty when ready. */
  reasons: string[];
}

/**
 * What the worker knows of its own progress: whether it can write, which batches it holds (the
 * oldest events waiting to be applied), and whether the embedded database broke.
 */
export class WorkerHealth {
  databaseWritable = true;
  lastDatabaseError: string | undefined;
  fault: string | undefined;
  private readonly inHand = new Set<BatchInHand>();

  constructor(
    private readonly clock: () => number,
    /** A batch held longer than this means the worker is not advancing. */
    private readonly stallTimeoutMs: number,
  ) {}

  /** Notes a batch as taken from the log; call the returned function once it is committed or given up. */
  hold(records: readonly ConsumedRecord[]): () => void {
    const since = this.clock();
    let oldestAppendedAt = since;
    for (const record of records) {
      if (record.appendedAt !== undefined && record.appendedAt < oldestAppendedAt) {
        oldestAppendedAt = record.appendedAt;
      }
    }
    const batch = { since, oldestAppendedAt };
    this.inHand.add(batch);
    return () => this.inHand.delete(batch);
  }

  /** Seconds since the oldest event the worker holds but has not applied was appended; 0 when none. */
  oldestWaitingAgeSeconds(): number {
    const now = this.clock();
    let oldest = now;
    for (const batch of this.inHand) oldest = Math.min(oldest, batch.oldestAppendedAt);
    return Math.max(0, (now - oldest) / 1000);
  }

  readiness(): Readiness {
    const reasons: string[] = [];
    if (this.fault !== undefined) reasons.push(`the embedded database broke: ${this.fault}`);
    if (!this.databaseWritable)
      reasons.push(`the worker cannot write to the database (${this.lastDatabaseError ?? "unknown error"})`);
    const now = this.clock();
    for (const batch of this.inHand) {
      const heldMs = now - batch.since;
      if (heldMs > this.stallTimeoutMs) {
        reasons.push(
          `the worker has not advanced for ${Math.round(heldMs / 1000)} s while events wait (limit ${Math.round(this.stallTimeoutMs / 1000)} s)`,
        );
        break;
      }
    }
    return { ready: reasons.length === 0, reasons };
  }
}
