export { applyBatch } from "./apply-batch.ts";
export type { BatchOutcome, RejectedRecord } from "./apply-batch.ts";
export { startWorker } from "./worker.ts";
export type { RunningWorker, WorkerLogger, WorkerOptions } from "./worker.ts";
export { WorkerMetrics } from "./metrics.ts";
export { rescoreAll } from "./projections/rescore.ts";
export { refreshRollups } from "./projections/rollups.ts";
export { replayProjections } from "./replay/replay.ts";
export { policyInForce, policyOfActivation } from "./policy/policy-in-force.ts";
export { activationEvent, platformSource, startupActor } from "./policy/activate-at-start.ts";
export { followPolicyInForce } from "./policy/follow.ts";
export { previewStoredSystems } from "./policy/preview-stored.ts";
export type { PolicyFollower } from "./policy/follow.ts";
export { loadPolicySetting } from "./policy/setting.ts";
export { loadAlertsSetting } from "./alerts/setting.ts";
export { rulesInForce } from "./alerts/decide-in-transaction.ts";
export { campaignProgress } from "./campaigns/campaign-progress.ts";
export type { SendTally } from "./alerts/send-due.ts";
export type { ReplayProgress, ReplayResult } from "./replay/replay.ts";
export { workerProcessSettings } from "./env.ts";
export {
  workerKafkaOptionsFrom,
  workerMetricsSettings,
  workerOptionsFrom,
  workerSettings,
} from "./settings.ts";
export type { WorkerSettingValues } from "./settings.ts";
export { fileQuarantine } from "./poison/quarantine.ts";
export type { Quarantine } from "./poison/quarantine.ts";
export type { Readiness } from "./health.ts";
export { redriveDeadLetters } from "./poison/redrive.ts";
export type { RedriveOptions } from "./poison/redrive.ts";
