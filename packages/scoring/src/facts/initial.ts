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

function emptyColumns(fields: readonly string[]): Record<string, unknown[]> {
  const cols: Record<string, unknown[]> = { id: [], t: [] };
  for (const field of fields) cols[field] = [];
  return cols;
}

export function initialSystemFacts(systemId: string): SystemFacts {
  const facts: Record<string, unknown> = { systemId, seen: [], catalog: [] };
  for (const [list, fields] of Object.entries(columnFields)) facts[list] = emptyColumns(fields);
  facts.toolCatalogs = [];
  facts.llmCalls = [];
  facts.agentRuns = [];
  return facts as unknown as SystemFacts;
}

export function initialQueueFacts(queue: string): QueueFacts {
  return { queue, seen: [], configs: [] };
}
