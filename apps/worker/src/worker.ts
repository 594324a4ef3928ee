import { setTimeout as sleep } from "node:timers/promises";
import type { AxisChange, Database } from "@maturity/db";
import {
  countAlertMessages,
  countDeadLetters,
  dropExpiredTelemetryPartitions,
  insertDeadLetters,
  latestRescoreRequest,
  sql,
} from "@maturity/db";
import type { ConsumedBatch, EventLog, Subscription } from "@maturity/log";
import type { ActivePolicy } from "@maturity/policy";
import type { AlertsConfig, RetryPolicy } from "@maturity/alerts";
import type { BaseLogger } from "pino";
import type { BatchOutcome, RejectedRecord } from "./apply-batch.ts";
import { WorkerHealth, type Readiness } from "./health.ts";
import { WorkerMetrics } from "./metrics.ts";
import { applyRecords, DatabaseFault, type ApplyRecordsHooks } from "./poison/apply-records.ts";
import { activateAtStart } from "./policy/activate-at-start.ts";
import { policyInForce } from "./policy/policy-in-force.ts";
import { failureKind, failureReason } from "./poison/failure-kind.ts";
import type { Quarantine } from "./poison/quarantine.ts";
import { rescoreAll } from "./projections/rescore.ts";
import { refreshRollups } from "./projections/rollups.ts";
import type { ScoringSettings } from "./projections/score-systems.ts";
import { sendDueAlerts, type SendTally } from "./alerts/send-due.ts";

/** Any pino-compatible logger (fastify's included). */
export type WorkerLogger = Pick<BaseLogger, "debug" | "info" | "warn" | "error" | "fatal">;

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
   * The policy this process was started with (MATURITY_POLICY). When its content differs from the
   * policy in force, one policy.activated event is appended at start and applied like any other.
   * Without one, the policy in force stays (the built-in rubric while none was ever activated).
   */
  policy?: ActivePolicy;
  /**
   * Months of raw high-volume telemetry older than this many days are dropped (hourly; 0 keeps
   * everything). What scoring needs from them stays in the facts and the usage rollups.
   */
  telemetryRetentionDays?: number;
  /** Called after each committed batch or re-score with the axis scores that moved. */
  onScoreChanges?: (changes: AxisChange[]) => void;
  /** Not ready once a batch has been held this long without being applied (default 2 minutes). */
  stallTimeoutMs?: number;
  /**
   * Where records that broke the embedded database are named (a file beside the log); without
   * one, such records are applied again on the next start.
   */
  quarantine?: Quarantine;
  /** The embedded database broke: the process should exit (after the suspects were quarantined). */
  onFatal?: (error: Error) => void;
  /**
   * The alerts file (MATURITY_ALERTS): score changes decide alerts into the outbox (in their own
   * transaction), and a sender drains it every `sendIntervalMs` (default 5 s; 0: only sendAlertsNow).
   */
  alerts?: {
    config: AlertsConfig;
    /** MATURITY_PUBLIC_URL: links in messages start with it. */
    publicUrl: string;
    sendIntervalMs?: number;
    /** Tests point deliveries elsewhere or fail them. */
    fetch?: typeof fetch;
    retry?: Partial<RetryPolicy>;
  };
}

export interface RunningWorker {
  metrics: WorkerMetrics;
  /** Whether the worker is writing and advancing, and why not. */
  readiness(): Readiness;
  /** Re-scores every system now (what the timer does); resolves null when another worker is at it. */
  rescoreNow(): Promise<AxisChange[] | null>;
  /** Recomputes the team and org rollups now. */
  refreshRollupsNow(): Promise<void>;
  /** Sends the alert messages that are due now (what the timer does); nothing without alerts. */
  sendAlertsNow(): Promise<SendTally>;
  /** Finishes the batch in hand, commits it, and leaves the consumer group. */
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const clock = options.clock ?? Date.now;
  const metrics = new WorkerMetrics();
  // Score changes decide alerts where they commit: the scoring settings carry the alerts file.
  const scoring: ScoringSettings = {
    ...options.scoring,
    ...(options.alerts !== undefined && { alerts: options.alerts.config }),
  };
  let rollupsDirty = true;
  // Background jobs (timers, re-scores) run one at a time, chained here.
  let background: Promise<unknown> = Promise.resolve();

  // Progress is judged by the wall clock: the scoring clock may be pinned or walk through history.
  const health = new WorkerHealth(Date.now, options.stallTimeoutMs ?? 120_000);
  metrics.oldestWaitingAgeSeconds = () => health.oldestWaitingAgeSeconds();
  let stopping = false;
  let suspects = await options.quarantine?.read();

  // Before consuming: a policy in force that no longer resolves, or one given that cannot be
  // activated, stops the start instead of every batch.
  const inForce = await policyInForce(options.db);
  if (options.policy !== undefined) {
    const appended = await activateAtStart(options.db, options.log, options.policy, clock());
    if (appended !== undefined)
      options.logger.info(
        { policy: options.policy.name, version: options.policy.version, event: appended.id },
        "the policy this process was started with differs from the one in force: its activation was appended",
      );
  }

  // Every batch gets the same answers to "the database is away": back off (heartbeating, so the
  // group keeps the partition) until it is back, unless the worker is stopping.
  const hooksFor = (batch: ConsumedBatch): ApplyRecordsHooks => ({
    async waitForDatabase(error, attempt) {
      health.databaseWritable = false;
      health.lastDatabaseError = failureReason(error);
      if (attempt % 10 === 0)
        options.logger.warn(
          { err: error, attempt },
          "the database is not accepting writes; the batch waits and is retried",
        );
      await sleep(Math.min(5_000, 200 * 2 ** Math.min(attempt, 5)));
      if (stopping) throw new Error("the worker is stopping; the batch will be redelivered");
      await batch.heartbeat();
    },
    databaseBack() {
      health.databaseWritable = true;
      options.logger.info("the database accepts writes again");
    },
    databaseHealthy: () =>
      options.db.execute(sql`select 1`).then(
        () => true,
        () => false,
      ),
  });

  /** Applies a batch, parking the records that broke the embedded database last time. */
  async function applyGuarded(batch: ConsumedBatch): Promise<BatchOutcome> {
    const hooks = hooksFor(batch);
    const held = suspects;
    const suspected =
      held === undefined ? [] : batch.records.filter((r) => held.positions.includes(r.position));
    if (held === undefined || suspected.length === 0) {
      return applyRecords(options.db, batch.records, clock(), scoring, hooks);
    }
    if (held.positions.length === 1) {
      const rest = batch.records.filter((record) => record !== suspected[0]);
      const outcome = await applyRecords(options.db, rest, clock(), scoring, hooks);
      const { position, key, value } = suspected[0]!;
      outcome.rejected.push({
        position,
        key,
        value,
        reasonKind: "database_fault",
        reason: `applying it broke the embedded database: ${held.reason}`,
      });
      return outcome;
    }
    // Several suspects: one record per transaction, each named the suspect before it is tried, so
    // a second fault names the very record.
    const total: BatchOutcome = {
      applied: 0,
      duplicates: 0,
      rejected: [],
      changes: [],
      queuesChanged: false,
    };
    for (const record of batch.records) {
      if (held.positions.includes(record.position))
        await options.quarantine!.write({ positions: [record.position], reason: held.reason });
      const outcome = await applyRecords(options.db, [record], clock(), scoring, hooks);
      total.applied += outcome.applied;
      total.duplicates += outcome.duplicates;
      total.rejected.push(...outcome.rejected);
      total.changes.push(...outcome.changes);
      total.queuesChanged ||= outcome.queuesChanged;
      if (outcome.policyActivated !== undefined) total.policyActivated = outcome.policyActivated;
    }
    return total;
  }

  async function parkDeadLetters(batch: ConsumedBatch, rejected: RejectedRecord[]): Promise<void> {
    if (rejected.length === 0) return;
    const hooks = hooksFor(batch);
    for (let attempt = 0; ; attempt++) {
      try {
        await insertDeadLetters(options.db, rejected);
        if (attempt > 0) hooks.databaseBack();
        break;
      } catch (error) {
        if (failureKind(error) !== "unavailable") throw error;
        await hooks.waitForDatabase(error, attempt);
      }
    }
    metrics.deadLettered += rejected.length;
    for (const record of rejected) {
      options.logger.warn(
        { position: record.position, reasonKind: record.reasonKind, reason: record.reason },
        "dead-lettered a record",
      );
    }
    void refreshDeadLetterCounts();
  }

  async function refreshDeadLetterCounts() {
    metrics.deadLettersWaiting = await countDeadLetters(options.db).catch(() => metrics.deadLettersWaiting);
  }

  const subscription: Subscription = await options.log.subscribe(options.groupId, async (batch) => {
    if (health.fault !== undefined) throw new Error(`the embedded database broke: ${health.fault}`);
    const started = performance.now();
    const release = health.hold(batch.records);
    try {
      const outcome = await applyGuarded(batch);
      // Parked before the offset moves past them, so they are never lost either.
      await parkDeadLetters(batch, outcome.rejected);
      if (suspects !== undefined && batch.records.some((r) => suspects!.positions.includes(r.position))) {
        await options.quarantine?.clear();
        suspects = undefined;
      }
      metrics.eventsApplied += outcome.applied;
      metrics.duplicatesIgnored += outcome.duplicates;
      metrics.scoreChanges += outcome.changes.length;
      if (outcome.applied > 0) rollupsDirty = true;
      if (outcome.queuesChanged) settleOwedRescores();
      if (outcome.policyActivated !== undefined) {
        rollupsDirty = true;
        const { name, version, rubricVersion } = outcome.policyActivated;
        options.logger.info(
          { policy: name, version, rubricVersion },
          "a new policy is in force; every system was re-scored under it",
        );
      }
      if (outcome.changes.length > 0) options.onScoreChanges?.(outcome.changes);
    } catch (error) {
      metrics.batchFailures += 1;
      if (error instanceof DatabaseFault) {
        health.fault = error.reason;
        // Named before anything else can fail: the next start parks them instead of applying them.
        await options.quarantine?.write({
          positions: error.records.map((record) => record.position),
          reason: error.reason,
        });
        options.logger.fatal(
          { err: error, positions: error.records.map((record) => record.position) },
          "the embedded database broke while applying a batch; the records are quarantined and will be dead-lettered on the next start",
        );
        options.onFatal?.(error);
      } else {
        options.logger.error(
          { err: error, records: batch.records.length },
          "batch failed; it will be redelivered",
        );
      }
      throw error;
    } finally {
      release();
      metrics.observeBatch((performance.now() - started) / 1000);
    }
  });

  // Function declarations (hoisted): the batch handler above may call them.
  async function rescoreNow() {
    const changes = await rescoreAll(options.db, clock(), scoring);
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
    await refreshRollups(options.db, clock(), options.alerts?.config);
  }
  async function sendAlertsNow(): Promise<SendTally> {
    const alerts = options.alerts;
    if (alerts === undefined) return { delivered: 0, retried: 0, dead: 0 };
    const tally = await sendDueAlerts({
      db: options.db,
      destinations: alerts.config.destinations,
      publicUrl: alerts.publicUrl,
      now: () => new Date(Date.now()),
      random: Math.random,
      ...(alerts.fetch !== undefined && { fetch: alerts.fetch }),
      ...(alerts.retry !== undefined && { policy: alerts.retry }),
    });
    metrics.alertDeliveries.delivered += tally.delivered;
    metrics.alertDeliveries.retried += tally.retried;
    metrics.alertDeliveries.dead += tally.dead;
    if (tally.dead > 0)
      options.logger.warn(
        { dead: tally.dead },
        "alert messages were given up (dead); re-drive them in the portal",
      );
    await refreshAlertCounts();
    return tally;
  }
  async function refreshAlertCounts() {
    if (options.alerts === undefined) return;
    metrics.alertMessages = await countAlertMessages(options.db).catch(() => metrics.alertMessages);
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
  if (options.alerts !== undefined)
    // Alerts are sent by the wall clock: a pinned scoring clock must not hold them back.
    every(options.alerts.sendIntervalMs ?? 5_000, sendAlertsNow, "alert delivery");
  every(
    15_000,
    async () => {
      metrics.consumerLag = await options.log.consumerLag(options.groupId).catch(() => null);
      await refreshDeadLetterCounts();
      await refreshAlertCounts();
    },
    "lag probe",
  );
  await refreshDeadLetterCounts();
  await refreshAlertCounts();

  options.logger.info(
    {
      groupId: options.groupId,
      log: options.log.kind,
      policy: inForce.name,
      rubricVersion: inForce.rubricVersion,
    },
    "worker consuming",
  );
  return {
    metrics,
    readiness: () => health.readiness(),
    rescoreNow,
    refreshRollupsNow,
    sendAlertsNow: () => {
      // One background job at a time, like the timer's.
      const run = background.then(sendAlertsNow);
      background = run.catch(() => undefined);
      return run;
    },
    async stop() {
      stopping = true;
      for (const timer of timers) clearInterval(timer);
      await subscription.stop();
      await background;
    },
  };
}
