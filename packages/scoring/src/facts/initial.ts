import { factsVersion, type OrgFacts, type QueueFacts, type SystemFacts } from "./types.ts";

export function initialFacts(): OrgFacts {
  return { factsVersion, systems: {}, queues: {} };
}

export function initialSystemFacts(systemId: string): SystemFacts {
  return {
    systemId,
    seen: [],
    catalog: [],
    assets: [],
    owners: [],
    riskAssessments: [],
    changeReviews: [],
    overrides: [],
    redteams: [],
    fairnessChecks: [],
    docs: [],
    auditsRequested: [],
    auditsDelivered: [],
    experimentRuns: [],
    modelVersions: [],
    promotions: [],
    rebuilds: [],
    promptVersions: [],
    toolCatalogs: [],
    pipelineRuns: [],
    dataQualityChecks: [],
    dataContracts: [],
    retrains: [],
    evalRuns: [],
    evalDatasetUpdates: [],
    failureModes: [],
    deploys: [],
    trafficShifts: [],
    rollbacks: [],
    modelSwaps: [],
    incidentsOpened: [],
    incidentsResolved: [],
    gpuJobs: [],
    monitors: [],
    llmCalls: [],
    agentRuns: [],
  };
}

export function initialQueueFacts(queue: string): QueueFacts {
  return { queue, seen: [], configs: [] };
}
