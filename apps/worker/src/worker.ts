import type { AxisChange, Database } from "@maturity/db";
import { dropExpiredTelemetryPartitions, latestRescoreRequest } from "@maturity/db";
import type { EventLog, Subscription } from "@maturity/log";
import type { BaseLogger } from "pino";
import { applyBatch } from "./apply-batch.ts";
import { WorkerMetrics } from "./metrics.ts";
import { rescoreAll } from "./projections/rescore.ts";
import { refreshRollups } from "./projections/rollups.ts";
import type { ScoringSettings } from "./projections/score-systems.ts";

/** Any pino-compatible logger (fastify's included). */
export type WorkerLogger = Pick<BaseLogger, "debug" | "info" | "warn" | "error">;

export interface WorkerOptions {
  db: Database;
  log: EventLog;
  groupId: string;
  logger: WorkerLogger;
  /** The worker's clock; tests pin it. Scoring itself never reads a clock. */
  clock?: () => number;
  /** Re-score every system this often so ageing evidence moves scores (0 turns it off). */
  rescoreIntervalMs?: number;
  /** Refresh team and org rollups at most this often after a change (0 turns it off). */
  rollupIntervalMs?: number;
  scoring?: ScoringSettings;
  /**
   * Months of raw high-volume telemetry older than this many days are dropped (hourly; 0 keeps
   * everything). What scoring needs from them stays in the facts and the usage rollups.
   */
  telemetryRetentionDays?: number;
  /** Called after each committed batch or re-score with the axis scores that moved. */
  onScoreChanges?: (changes: AxisChange[]) => void;
}

export interface RunningWorker {
  metrics: WorkerMetrics;
  /** Re-scores every system now (what the timer does); resolves null when another worker is at it. */
  rescoreNow(): Promise<AxisChange[] | null>;
  /** Recomputes the team and org rollups now. */
  refreshRollupsNow(): Promise<void>;
  /** Finishes the batch in hand, commits it, and leaves the consumer group. */
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const clock = options.clock ?? Date.now;
  const metrics = new WorkerMetrics();
  let rollupsDirty = true;
  // Background jobs (timers, re-scores) run one at a time, chained here.
  let background: Promise<unknown> = Promise.resolve();

  const subscription: Subscription = await options.log.subscribe(options.groupId, async (batch) => {
    const started = performance.now();
    try {
      const outcome = await applyBatch(options.db, batch.records, clock(), options.scoring);
      // Poison is parked before the offset moves past it, so it is never lost either.
      await options.log.deadLetter(outcome.rejected);
      metrics.eventsApplied += outcome.applied;
      metrics.duplicatesIgnored += outcome.duplicates;
      metrics.deadLettered += outcome.rejected.length;
      metrics.scoreChanges += outcome.changes.length;
      for (const rejected of outcome.rejected) {
        options.logger.warn(
          { position: rejected.position, reason: rejected.reason },
          "dead-lettered a record",
        );
      }
      if (outcome.applied > 0) rollupsDirty = true;
      if (outcome.queuesChanged) settleOwedRescores();
      if (outcome.changes.length > 0) options.onScoreChanges?.(outcome.changes);
    } catch (error) {
      metrics.batchFailures += 1;
      options.logger.error(
        { err: error, records: batch.records.length },
        "batch failed; it will be redelivered",
      );
      throw error;
    } finally {
      metrics.observeBatch((performance.now() - started) / 1000);
    }
  });

  // Function declarations (hoisted): the batch handler above may call them.
  async function rescoreNow() {
    const changes = await rescoreAll(options.db, clock(), options.scoring);
    if (changes && changes.length > 0) {
      metrics.scoreChanges += changes.length;
      rollupsDirty = true;
      options.onScoreChanges?.(changes);
    }
    return changes;
  }
  // Queue policies are org-wide facts: after one changes, every system is re-scored (in the
  // background, after the batch commits). The debt is in the database, so whichever worker is
  // alive pays it: right after the change, at start-up, or on the next check.
  async function payOwedRescore() {
    if ((await latestRescoreRequest(options.db)) === null) return;
    // Another worker's re-score may hold the tick; the next check tries again.
    await rescoreNow();
  }
  function settleOwedRescores() {
    background = background
      .then(payOwedRescore)
      .catch((error: unknown) => options.logger.error({ err: error }, "owed re-score failed"));
  }
  async function refreshRollupsNow() {
    rollupsDirty = false;
    await refreshRollups(options.db, clock(), options.scoring);
  }

  const timers: NodeJS.Timeout[] = [];
  // Timers run one job at a time, never overlapping themselves or each other.
  const every = (intervalMs: number, job: () => Promise<unknown>, what: string) => {
    if (intervalMs <= 0) return;
    const timer = setInterval(() => {
      background = background
        .then(job)
        .catch((error: unknown) => options.logger.error({ err: error }, `${what} failed`));
    }, intervalMs);
    timer.unref();
    timers.push(timer);
  };
  every(options.rescoreIntervalMs ?? 15 * 60_000, rescoreNow, "periodic re-score");
  settleOwedRescores();
  every(2_000, payOwedRescore, "owed re-score check");
  every(
    options.rollupIntervalMs ?? 2_000,
    async () => (rollupsDirty ? refreshRollupsNow() : undefined),
    "rollup refresh",
  );
  const retentionDays = options.telemetryRetentionDays ?? 30;
  if (retentionDays > 0) {
    every(
      3_600_000,
      async () => {
        const dropped = await dropExpiredTelemetryPartitions(options.db, retentionDays, clock());
        if (dropped.length > 0)
          options.logger.info({ dropped, retentionDays }, "dropped expired telemetry partitions");
      },
      "telemetry retention",
    );
  }
  every(
    15_000,
    async () => {
      metrics.consumerLag = await options.log.consumerLag(options.groupId).catch(() => null);
    },
    "lag probe",
  );

  options.logger.info({ groupId: options.groupId, log: options.log.kind }, "worker consuming");
  return {
    metrics,
    rescoreNow,
    refreshRollupsNow,
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await subscription.stop();
      await background;
    },
  };
}
