export { applyBatch } from "./apply-batch.ts";
export type { BatchOutcome, RejectedRecord } from "./apply-batch.ts";
export { startWorker } from "./worker.ts";
export type { RunningWorker, WorkerOptions, WorkerStats } from "./worker.ts";
