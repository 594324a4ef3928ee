// Facts: the fold of a system's events, kept as plain JSON data (no Map, Set, Date or classes) so
// the worker can store them per system and fold new events in later. Times are epoch milliseconds.
// Every record list is sorted by (t, id), which makes the fold independent of arrival order.
// High-volume record lists are stored column by column (`Columns<R>`: one array per field) rather
// than as one object per event: a tenth of the heap objects for the garbage collector to trace,
// and compact JSON for the worker, which rewrites a system's facts every batch.
import type { RiskTier, SystemKind } from "@maturity/model";

/** Bump when the shape changes: stored facts of an older version must be refolded from the events. */
export const factsVersion = 2;

export interface Rec {
  /** Event id (evidence). */
  id: string;
  /** Event time, epoch ms. */
  t: number;
}

/**
 * A record list stored column by column: one array per field of R, all of the same length, row i
 * being the i-th record in (t, id) order. R must not have optional fields (JSON has no undefined).
 */
export type Columns<R extends Rec> = { [K in keyof R]: R[K][] };

export interface CatalogRec extends Rec {
  change: "registered" | "updated" | "retired";
  name?: string;
  team?: string;
  kind?: SystemKind;
  riskTier?: RiskTier;
  gpuQueues?: string[];
}

export interface AssetRec extends Rec {
  assetId: string;
  assetType: string;
  hasOwner: boolean;
  lineage: boolean;
  changeReviewed: boolean;
}
export interface OwnerRec extends Rec {
  owner: string;
  hasOnCall: boolean;
}
export interface RiskAssessmentRec extends Rec {
  changeRef: string | null;
  trigger: string;
  outcome: string;
}
export interface ChangeReviewRec extends Rec {
  changeRef: string;
  approved: boolean;
}
export interface OverrideRec extends Rec {
  docRef: string;
}
export interface RedteamRec extends Rec {
  scheduled: boolean;
  passed: boolean;
}
export interface FairnessRec extends Rec {
  thresholdsDocumented: boolean;
  passed: boolean;
}
export interface DocsRec extends Rec {
  artefact: string;
  fromPipeline: boolean;
}
export interface AuditRec extends Rec {
  auditId: string;
}
export interface ExperimentRunRec extends Rec {
  tracker: string;
  hasCodeVersion: boolean;
  hasDataVersion: boolean;
}
export interface ModelVersionRec extends Rec {
  model: string;
  version: string;
  hasRun: boolean;
  hasCodeVersion: boolean;
  hasDataVersion: boolean;
}
export interface PromotionRec extends Rec {
  model: string;
  version: string;
  alias: string;
}
export interface RebuildRec extends Rec {
  model: string;
  version: string;
  durationMinutes: number;
  artefactMatches: boolean;
}
export interface PromptVersionRec extends Rec {
  promptId: string;
  version: string;
  inSourceControl: boolean;
}
export interface ToolCatalogRec extends Rec {
  tools: { allowlisted: boolean; hasOwner: boolean }[];
}
export interface PipelineRunRec extends Rec {
  pipeline: string;
  status: string;
  trigger: string;
}
export interface DataQualityRec extends Rec {
  passed: boolean;
  automated: boolean;
  atIngestion: boolean;
}
export interface DataContractRec extends Rec {
  dataset: string;
  producer: string;
  consumer: string;
}
export interface RetrainRec extends Rec {
  trigger: string;
}
export interface EvalRunRec extends Rec {
  /** The model version and/or release evaluated; matched against deploy versions. */
  refs: string[];
  gate: "passed" | "failed" | "none";
  judged: boolean;
  /** True when no LLM judge was used, or its human agreement was recorded. */
  judgeCalibrated: boolean;
  productionSampled: boolean;
  shadow: boolean;
  trajectoryScored: boolean;
}
export interface EvalDatasetRec extends Rec {
  source: string;
  addedCases: number;
}
export interface FailureModesRec extends Rec {
  count: number;
}
export interface DeployRec extends Rec {
  deploymentId: string;
  version: string;
  environment: string;
  strategy: string;
  gatedByEval: boolean;
  automated: boolean;
  /** changeRequestedAt, epoch ms. */
  requestedAt: number | null;
  succeeded: boolean;
}
export interface TrafficShiftRec extends Rec {
  deploymentId: string;
  byPolicy: boolean;
}
export interface RollbackRec extends Rec {
  deploymentId: string;
  automatic: boolean;
}
export interface ModelSwapRec extends Rec {
  playbook: boolean;
  durationHours: number;
}
export interface IncidentOpenedRec extends Rec {
  incidentId: string;
  severity: number;
  kind: string;
  deploymentId: string | null;
}
export interface IncidentResolvedRec extends Rec {
  incidentId: string;
}
export interface GpuJobRec extends Rec {
  queue: string;
}
export interface MonitorRec extends Rec {
  signal: string;
  alerting: boolean;
}

/**
 * High-volume telemetry is aggregated per UTC day and feature instead of kept per call. Money is
 * kept in integer micro-dollars so sums are exact whatever the arrival order.
 */
export interface LlmCallBucket {
  /** Start of the UTC day, epoch ms. */
  day: number;
  feature: string | null;
  calls: number;
  costedCalls: number;
  costMicros: number;
  errors: number;
  latencyMsTotal: number;
  /** The most recent call in the bucket, as evidence. */
  lastId: string;
  lastT: number;
}
export interface AgentRunBucket {
  day: number;
  feature: string | null;
  runs: number;
  terminationRecorded: number;
  terminatedCorrectly: number;
  steps: number;
  toolCalls: number;
  retries: number;
  costedRuns: number;
  costMicros: number;
  lastId: string;
  lastT: number;
}

/** Everything known about one system. Keyed by the events' `subject`. */
export interface SystemFacts {
  systemId: string;
  /**
   * Sorted 53-bit hashes of (source, id): a folded event is never counted twice. Left empty by
   * folds with `assumeNew` (the worker's event store already dedupes).
   */
  seen: number[];
  /** Few and irregular (optional fields), so kept as records. */
  catalog: CatalogRec[];
  assets: Columns<AssetRec>;
  owners: Columns<OwnerRec>;
  riskAssessments: Columns<RiskAssessmentRec>;
  changeReviews: Columns<ChangeReviewRec>;
  overrides: Columns<OverrideRec>;
  redteams: Columns<RedteamRec>;
  fairnessChecks: Columns<FairnessRec>;
  docs: Columns<DocsRec>;
  auditsRequested: Columns<AuditRec>;
  auditsDelivered: Columns<AuditRec>;
  experimentRuns: Columns<ExperimentRunRec>;
  modelVersions: Columns<ModelVersionRec>;
  promotions: Columns<PromotionRec>;
  rebuilds: Columns<RebuildRec>;
  promptVersions: Columns<PromptVersionRec>;
  /** Few and nested, so kept as records. */
  toolCatalogs: ToolCatalogRec[];
  pipelineRuns: Columns<PipelineRunRec>;
  dataQualityChecks: Columns<DataQualityRec>;
  dataContracts: Columns<DataContractRec>;
  retrains: Columns<RetrainRec>;
  evalRuns: Columns<EvalRunRec>;
  evalDatasetUpdates: Columns<EvalDatasetRec>;
  failureModes: Columns<FailureModesRec>;
  deploys: Columns<DeployRec>;
  trafficShifts: Columns<TrafficShiftRec>;
  rollbacks: Columns<RollbackRec>;
  modelSwaps: Columns<ModelSwapRec>;
  incidentsOpened: Columns<IncidentOpenedRec>;
  incidentsResolved: Columns<IncidentResolvedRec>;
  gpuJobs: Columns<GpuJobRec>;
  monitors: Columns<MonitorRec>;
  llmCalls: LlmCallBucket[];
  agentRuns: AgentRunBucket[];
}

/** The columnar record lists of SystemFacts. */
export type ColumnListName = {
  [K in keyof SystemFacts]: SystemFacts[K] extends Columns<Rec> ? K : never;
}[keyof SystemFacts];

export interface QueueConfigRec extends Rec {
  policy: "fifo" | "fair_share" | "priority";
  preemption: boolean;
}
/** GPU queues are org-level: subject = queue name. */
export interface QueueFacts {
  queue: string;
  seen: number[];
  configs: QueueConfigRec[];
}

export interface OrgFacts {
  factsVersion: typeof factsVersion;
  systems: Record<string, SystemFacts>;
  queues: Record<string, QueueFacts>;
}
