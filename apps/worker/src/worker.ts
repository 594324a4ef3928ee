import type { Database } from "@maturity/db";
import type { EventLog, Subscription } from "@maturity/log";
import type { BaseLogger } from "pino";

/** Any pino-compatible logger (fastify's included). */
export type WorkerLogger = Pick<BaseLogger, "debug" | "info" | "warn" | "error">;
import { applyBatch } from "./apply-batch.ts";

export interface WorkerOptions {
  db: Database;
  log: EventLog;
  groupId: string;
  logger: WorkerLogger;
}

export interface WorkerStats {
  batches: number;
  applied: number;
  duplicates: number;
  rejected: number;
}

export interface RunningWorker {
  stats: Readonly<WorkerStats>;
  /** Finishes the batch in hand, commits it, and leaves the consumer group. */
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const stats: WorkerStats = { batches: 0, applied: 0, duplicates: 0, rejected: 0 };
  const subscription: Subscription = await options.log.subscribe(options.groupId, async (batch) => {
    const started = performance.now();
    const outcome = await applyBatch(options.db, batch.records);
    stats.batches += 1;
    stats.applied += outcome.applied;
    stats.duplicates += outcome.duplicates;
    stats.rejected += outcome.rejected.length;
    for (const rejected of outcome.rejected) {
      options.logger.error(rejected, "record rejected: not a valid event");
    }
    options.logger.debug(
      {
        records: batch.records.length,
        ...outcome,
        rejected: outcome.rejected.length,
        ms: performance.now() - started,
      },
      "batch applied",
    );
  });
  options.logger.info({ groupId: options.groupId, log: options.log.kind }, "worker consuming");
  return { stats, stop: () => subscription.stop() };
}
