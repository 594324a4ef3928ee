/**
 * The worker's Prometheus metrics, kept as plain counters and a fixed-bucket histogram and
 * rendered in the text exposition format (no client library needed for five series).
 */
import type { AlertMessageStatus, DeadLetterReasonKind } from "@maturity/db";

const latencyBucketsSeconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class WorkerMetrics {
  eventsApplied = 0;
  duplicatesIgnored = 0;
  deadLettered = 0;
  batches = 0;
  batchFailures = 0;
  scoreChanges = 0;
  consumerLag: number | null = null;
  /** Dead letters waiting for a re-drive, by reason (from the database, refreshed periodically). */
  deadLettersWaiting: Partial<Record<DeadLetterReasonKind, number>> = {};
  /** Alert messages in the outbox by status (from the database; absent without alerts). */
  alertMessages: Record<AlertMessageStatus, number> | undefined = undefined;
  /** What this process's delivery attempts came to. */
  alertDeliveries = { delivered: 0, retried: 0, dead: 0 };
  /** Age of the oldest event taken from the log and not yet applied, read when rendered. */
  oldestWaitingAgeSeconds: () => number = () => 0;
  private readonly latencyCounts = latencyBucketsSeconds.map(() => 0);
  private latencySum = 0;

  observeBatch(seconds: number): void {
    this.batches += 1;
    this.latencySum += seconds;
    latencyBucketsSeconds.forEach((bound, index) => {
      if (seconds <= bound) this.latencyCounts[index]! += 1;
    });
  }

  render(): string {
    const lines = [
      "# HELP maturity_worker_events_applied_total Events stored for the first time and folded into projections.",
      "# TYPE maturity_worker_events_applied_total counter",
      `maturity_worker_events_applied_total ${this.eventsApplied}`,
      "# HELP maturity_worker_duplicates_total Redelivered or re-posted events that had no effect.",
      "# TYPE maturity_worker_duplicates_total counter",
      `maturity_worker_duplicates_total ${this.duplicatesIgnored}`,
      "# HELP maturity_worker_dead_letters_total Records this process dead-lettered.",
      "# TYPE maturity_worker_dead_letters_total counter",
      `maturity_worker_dead_letters_total ${this.deadLettered}`,
      "# HELP maturity_dead_letters Dead-lettered records waiting for a re-drive, by reason.",
      "# TYPE maturity_dead_letters gauge",
      ...Object.entries(this.deadLettersWaiting).map(
        ([reason, count]) => `maturity_dead_letters{reason="${reason}"} ${count}`,
      ),
      "# HELP maturity_worker_oldest_waiting_event_age_seconds Age of the oldest event taken from the log and not yet applied.",
      "# TYPE maturity_worker_oldest_waiting_event_age_seconds gauge",
      `maturity_worker_oldest_waiting_event_age_seconds ${this.oldestWaitingAgeSeconds().toFixed(3)}`,
      "# HELP maturity_worker_batch_failures_total Batch attempts that failed (retried, split or redelivered).",
      "# TYPE maturity_worker_batch_failures_total counter",
      `maturity_worker_batch_failures_total ${this.batchFailures}`,
      "# HELP maturity_worker_score_changes_total Axis score changes written to history.",
      "# TYPE maturity_worker_score_changes_total counter",
      `maturity_worker_score_changes_total ${this.scoreChanges}`,
      "# HELP maturity_worker_consumer_lag Records in the log not yet committed by the group.",
      "# TYPE maturity_worker_consumer_lag gauge",
      `maturity_worker_consumer_lag ${this.consumerLag ?? "NaN"}`,
      "# HELP maturity_worker_batch_seconds Time to apply one batch (one transaction).",
      "# TYPE maturity_worker_batch_seconds histogram",
      ...latencyBucketsSeconds.map(
        (bound, index) => `maturity_worker_batch_seconds_bucket{le="${bound}"} ${this.latencyCounts[index]}`,
      ),
      `maturity_worker_batch_seconds_bucket{le="+Inf"} ${this.batches}`,
      `maturity_worker_batch_seconds_sum ${this.latencySum}`,
      `maturity_worker_batch_seconds_count ${this.batches}`,
      ...(this.alertMessages === undefined
        ? []
        : [
            "# HELP maturity_alert_messages Alert messages in the outbox, by status (dead: given up, waiting for a re-drive).",
            "# TYPE maturity_alert_messages gauge",
            ...Object.entries(this.alertMessages).map(
              ([status, count]) => `maturity_alert_messages{status="${status}"} ${count}`,
            ),
            "# HELP maturity_worker_alert_attempts_total Delivery attempts of alert messages by this process, by outcome.",
            "# TYPE maturity_worker_alert_attempts_total counter",
            ...Object.entries(this.alertDeliveries).map(
              ([outcome, count]) => `maturity_worker_alert_attempts_total{outcome="${outcome}"} ${count}`,
            ),
          ]),
    ];
    return lines.join("\n") + "\n";
  }
}
