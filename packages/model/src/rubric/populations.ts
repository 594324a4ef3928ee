// The record sets a degree rule can look at, and the fields each exposes. Scoring builds these
// views from its facts; the rubric may only name what is listed here (checked by the rubric test).

export const populations = {
  experimentRuns: ["tracker", "hasCodeVersion", "hasDataVersion"],
  modelVersions: ["model", "version", "hasRun", "hasCodeVersion", "hasDataVersion"],
  /** Succeeded deploys to the "production" environment, joined with eval, registry and review facts. */
  productionDeploys: [
    "strategy",
    "gatedByEval",
    "automated",
    "evaluated",
    "gate",
    "inRegistry",
    "reviewed",
    "riskAssessed",
  ],
  promotions: ["model", "version", "alias"],
  rebuilds: ["model", "version", "durationMinutes", "artefactMatches"],
  /** Latest version of each prompt. */
  promptVersions: ["promptId", "inSourceControl"],
  /** The tools of the latest tool catalogue. */
  catalogTools: ["allowlisted", "hasOwner"],
  pipelineRuns: ["pipeline", "status", "trigger"],
  dataQualityChecks: ["passed", "automated", "atIngestion"],
  dataContracts: ["dataset"],
  retrains: ["trigger"],
  /** Latest entry of each catalogued asset. */
  catalogAssets: ["assetType", "hasOwner", "lineage", "changeReviewed"],
  evalRuns: ["gate", "judged", "judgeCalibrated", "productionSampled", "shadow", "trajectoryScored"],
  evalDatasetUpdates: ["source", "addedCases"],
  failureModeCatalogues: ["count"],
  redteamRuns: ["scheduled", "passed"],
  fairnessChecks: ["thresholdsDocumented", "passed"],
  trafficShifts: ["byPolicy"],
  rollbacks: ["automatic"],
  modelSwaps: ["playbook", "durationHours"],
  /**
   * The GPU queues the system uses (its catalogue `sources.gpuQueues` and the queues its jobs went
   * through), each with its latest configuration; `policy` is "unconfigured" when none was seen.
   */
  gpuQueues: ["queue", "policy", "preemption"],
  /** Latest configuration of each monitored signal. */
  monitors: ["signal", "alerting"],
  /** The latest owner assignment. */
  owners: ["hasOnCall"],
  riskAssessments: ["trigger", "outcome"],
  changeReviews: ["approved"],
  overridePaths: ["docRef"],
  generatedDocs: ["artefact", "fromPipeline"],
  /** LLM calls, weighted by count (telemetry is stored in daily buckets). */
  llmCalls: ["hasCost", "hasFeature"],
  /** Agent runs, weighted by count. */
  agentRuns: ["terminationRecorded"],
} as const satisfies Record<string, readonly string[]>;

export type Population = keyof typeof populations;
export const populationNames = Object.keys(populations) as [Population, ...Population[]];

/** Metrics a `metric` rule can test, computed over the criterion's evidence window. */
export const ruleMetrics = [
  "deploymentsPerWeek",
  "changeFailureRate",
  "leadTimeP50Hours",
  "recoveryP50Hours",
  "attributedCostShare",
  "auditResponseP50Hours",
] as const;
export type RuleMetric = (typeof ruleMetrics)[number];
