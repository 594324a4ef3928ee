import type { ColumnListName, OrgFacts, QueueFacts, SystemFacts } from "./types.ts";
import { factsVersion } from "./types.ts";

export function initialFacts(): OrgFacts {
  return { factsVersion, systems: {}, queues: {} };
}

// The fields of each columnar list (beyond id and t): one empty array each in new facts.
const columnFields: { [K in ColumnListName]: readonly Exclude<keyof SystemFacts[K], "id" | "t">[] } = {
  assets: ["assetId", "assetType", "hasOwner", "lineage", "changeReviewed"],
  owners: ["owner", "hasOnCall"],
  riskAssessments: ["changeRef", "trigger", "outcome"],
  changeReviews: ["changeRef", "approved"],
  overrides: ["docRef"],
  redteams: ["scheduled", "passed"],
  fairnessChecks: ["thresholdsDocumented", "passed"],
  docs: ["artefact", "fromPipeline"],
  auditsRequested: ["auditId"],
  auditsDelivered: ["auditId"],
  experimentRuns: ["tracker", "hasCodeVersion", "hasDataVersion"],
  modelVersions: ["model", "version", "hasRun", "hasCodeVersion", "hasDataVersion"],
  promotions: ["model", "version", "alias"],
  rebuilds: ["model", "version", "durationMinutes", "artefactMatches"],
  promptVersions: ["promptId", "version", "inSourceControl"],
  pipelineRuns: ["pipeline", "status", "trigger"],
  dataQualityChecks: ["passed", "automated", "atIngestion"],
  dataContracts: ["dataset", "producer", "consumer"],
  retrains: ["trigger"],
  evalRuns: ["refs", "gate", "judged", "judgeCalibrated", "productionSampled", "shadow", "trajectoryScored"],
  evalDatasetUpdates: ["source", "addedCases"],
  failureModes: ["count"],
  deploys: [
    "deploymentId",
    "version",
    "environment",
    "strategy",
    "gatedByEval",
    "automated",
    "requestedAt",
    "succeeded",
  ],
  trafficShifts: ["deploymentId", "byPolicy"],
  rollbacks: ["deploymentId", "automatic"],
  modelSwaps: ["playbook", "durationHours"],
  incidentsOpened: ["incidentId", "severity", "kind", "deploymentId"],
  incidentsResolved: ["incidentId"],
  gpuJobs: ["queue"],
  monitors: ["signal", "alerting"],
};

/** The names of the columnar record lists, in a fixed order. */
export const columnListNames = Object.keys(columnFields) as ColumnListName[];

function emptyColumns<K extends ColumnListName>(list: K): SystemFacts[K] {
  const cols: Record<string, unknown[]> = { id: [], t: [] };
  for (const field of columnFields[list]) cols[field as string] = [];
  return cols as unknown as SystemFacts[K];
}

// Written as one literal on purpose: adding 35 properties one by one by computed name would leave
// the object in V8's slow dictionary mode, and scoring reads these lists constantly.
export function initialSystemFacts(systemId: string): SystemFacts {
  return {
    systemId,
    seen: [],
    catalog: [],
    assets: emptyColumns("assets"),
    owners: emptyColumns("owners"),
    riskAssessments: emptyColumns("riskAssessments"),
    changeReviews: emptyColumns("changeReviews"),
    overrides: emptyColumns("overrides"),
    redteams: emptyColumns("redteams"),
    fairnessChecks: emptyColumns("fairnessChecks"),
    docs: emptyColumns("docs"),
    auditsRequested: emptyColumns("auditsRequested"),
    auditsDelivered: emptyColumns("auditsDelivered"),
    experimentRuns: emptyColumns("experimentRuns"),
    modelVersions: emptyColumns("modelVersions"),
    promotions: emptyColumns("promotions"),
    rebuilds: emptyColumns("rebuilds"),
    promptVersions: emptyColumns("promptVersions"),
    pipelineRuns: emptyColumns("pipelineRuns"),
    dataQualityChecks: emptyColumns("dataQualityChecks"),
    dataContracts: emptyColumns("dataContracts"),
    retrains: emptyColumns("retrains"),
    evalRuns: emptyColumns("evalRuns"),
    evalDatasetUpdates: emptyColumns("evalDatasetUpdates"),
    failureModes: emptyColumns("failureModes"),
    deploys: emptyColumns("deploys"),
    trafficShifts: emptyColumns("trafficShifts"),
    rollbacks: emptyColumns("rollbacks"),
    modelSwaps: emptyColumns("modelSwaps"),
    incidentsOpened: emptyColumns("incidentsOpened"),
    incidentsResolved: emptyColumns("incidentsResolved"),
    gpuJobs: emptyColumns("gpuJobs"),
    monitors: emptyColumns("monitors"),
    toolCatalogs: [],
    llmCalls: [],
    agentRuns: [],
  };
}

export function initialQueueFacts(queue: string): QueueFacts {
  return { queue, seen: [], configs: [] };
}
