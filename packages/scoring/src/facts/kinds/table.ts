// Every kind of fact, declared once: the events it folds, its columns (or records, or buckets),
// the row each event becomes, its layout version and the rubric population it is, if plain.
// A new kind of fact is one entry here: SystemFacts, new facts, the fold, the plain populations'
// views and `firstSeen` follow. Bump a kind's `version` when its layout or its row changes: stored
// facts of that kind alone are then refolded from their events.
import type { CatalogueChange, EventType } from "@maturity/model";
import { catalogueChangeOf } from "@maturity/model";
import { addAgentRun, addLlmCall, type AgentRunBucket, type LlmCallBucket } from "../telemetry.ts";
import { col, columnar, dailyBuckets, records } from "./define.ts";

/** A catalogue change as scoring keeps it (its time and id are the record's own). */
export type CatalogEntry = Omit<CatalogueChange, "id" | "t">;

/**
 * A waiver event as scoring keeps it: a grant (expiry in epoch ms) or a revocation. Which one is
 * in force is decided when scoring, by the latest per criterion as of the time scored.
 */
export type WaiverEntry =
  | { criterionId: string; granted: true; reason: string; approver: string; expiresAt: number }
  | { criterionId: string; granted: false };

export interface ToolCatalogEntry {
  tools: { allowlisted: boolean; hasOwner: boolean }[];
}

/** The facts kept per system (subject), in the order SystemFacts lists them. */
export const systemFactKinds = {
  /** Few and irregular (optional fields), so kept as records. */
  catalog: records({
    version: 1,
    events: ["catalog.system.registered", "catalog.system.updated", "catalog.system.retired"],
    row: (event): CatalogEntry => {
      // packages/model's one reading of a catalogue event (catalogue/identity.ts).
      const { id: _id, t: _t, ...entry } = catalogueChangeOf(event)!;
      return entry;
    },
  }),
  assets: columnar({
    version: 1,
    events: ["catalog.asset.updated"],
    columns: {
      assetId: col.string,
      assetType: col.string,
      hasOwner: col.boolean,
      lineage: col.boolean,
      changeReviewed: col.boolean,
    },
    row: ({ data }) => ({
      assetId: data.assetId,
      assetType: data.assetType,
      hasOwner: data.owner !== undefined,
      lineage: data.lineage,
      changeReviewed: data.changeReviewed,
    }),
    population: { name: "catalogAssets", latestPer: ["assetId"] },
  }),
  owners: columnar({
    version: 1,
    events: ["gov.owner.assigned"],
    columns: { owner: col.string, hasOnCall: col.boolean },
    row: ({ data }) => ({ owner: data.owner, hasOnCall: data.onCallRotation !== undefined }),
    population: { name: "owners", latestPer: [] },
  }),
  riskAssessments: columnar({
    version: 1,
    events: ["gov.risk_assessment.completed"],
    columns: { changeRef: col.of<string | null>(), trigger: col.string, outcome: col.string },
    row: ({ data }) => ({ changeRef: data.changeRef ?? null, trigger: data.trigger, outcome: data.outcome }),
    population: { name: "riskAssessments" },
  }),
  changeReviews: columnar({
    version: 1,
    events: ["gov.change.reviewed"],
    columns: { changeRef: col.string, approved: col.boolean },
    row: ({ data }) => ({ changeRef: data.changeRef, approved: data.approved }),
    population: { name: "changeReviews" },
  }),
  overrides: columnar({
    version: 1,
    events: ["gov.hitl_override.documented"],
    columns: { docRef: col.string },
    row: ({ data }) => ({ docRef: data.docRef }),
    population: { name: "overridePaths", latestPer: ["docRef"] },
  }),
  redteams: columnar({
    version: 1,
    events: ["gov.redteam.completed"],
    columns: { scheduled: col.boolean, passed: col.boolean },
    row: ({ data }) => ({ scheduled: data.scheduled, passed: data.passed }),
    population: { name: "redteamRuns" },
  }),
  fairnessChecks: columnar({
    version: 1,
    events: ["gov.fairness.checked"],
    columns: { thresholdsDocumented: col.boolean, passed: col.boolean },
    row: ({ data }) => ({ thresholdsDocumented: data.thresholdsDocumented, passed: data.passed }),
    population: { name: "fairnessChecks" },
  }),
  docs: columnar({
    version: 1,
    events: ["gov.docs.generated"],
    columns: { artefact: col.string, fromPipeline: col.boolean },
    row: ({ data }) => ({ artefact: data.artefact, fromPipeline: data.fromPipeline }),
    population: { name: "generatedDocs" },
  }),
  /** Few, and grants and revocations differ in shape, so kept as records. */
  waivers: records({
    version: 1,
    events: ["gov.waiver.granted", "gov.waiver.revoked"],
    row: (event): WaiverEntry =>
      event.type === "gov.waiver.granted"
        ? {
            criterionId: event.data.criterionId,
            granted: true,
            reason: event.data.reason,
            approver: event.data.approver,
            expiresAt: Date.parse(event.data.expiresAt),
          }
        : { criterionId: event.data.criterionId, granted: false },
  }),
  auditsRequested: columnar({
    version: 1,
    events: ["gov.audit.requested"],
    columns: { auditId: col.string },
    row: ({ data }) => ({ auditId: data.auditId }),
  }),
  auditsDelivered: columnar({
    version: 1,
    events: ["gov.audit.delivered"],
    columns: { auditId: col.string },
    row: ({ data }) => ({ auditId: data.auditId }),
  }),
  experimentRuns: columnar({
    version: 1,
    events: ["exp.run.logged"],
    columns: { tracker: col.string, hasCodeVersion: col.boolean, hasDataVersion: col.boolean },
    row: ({ data }) => ({
      tracker: data.tracker,
      hasCodeVersion: data.codeVersion !== undefined,
      hasDataVersion: data.dataVersion !== undefined,
    }),
    population: { name: "experimentRuns" },
  }),
  modelVersions: columnar({
    version: 1,
    events: ["registry.model_version.registered"],
    columns: {
      model: col.string,
      version: col.string,
      hasRun: col.boolean,
      hasCodeVersion: col.boolean,
      hasDataVersion: col.boolean,
    },
    row: ({ data }) => ({
      model: data.model,
      version: data.version,
      hasRun: data.runId !== undefined,
      hasCodeVersion: data.codeVersion !== undefined,
      hasDataVersion: data.dataVersion !== undefined,
    }),
    population: { name: "modelVersions" },
  }),
  promotions: columnar({
    version: 1,
    events: ["registry.model_version.promoted"],
    columns: { model: col.string, version: col.string, alias: col.string },
    row: ({ data }) => ({ model: data.model, version: data.version, alias: data.alias }),
    population: { name: "promotions" },
  }),
  rebuilds: columnar({
    version: 1,
    events: ["registry.rebuild.verified"],
    columns: {
      model: col.string,
      version: col.string,
      durationMinutes: col.number,
      artefactMatches: col.boolean,
    },
    row: ({ data }) => ({
      model: data.model,
      version: data.version,
      durationMinutes: data.durationMinutes,
      artefactMatches: data.artefactMatches,
    }),
    population: { name: "rebuilds" },
  }),
  promptVersions: columnar({
    version: 1,
    events: ["prompt.version.committed"],
    columns: { promptId: col.string, version: col.string, inSourceControl: col.boolean },
    row: ({ data }) => ({
      promptId: data.promptId,
      version: data.version,
      inSourceControl: data.commitSha !== undefined,
    }),
    population: { name: "promptVersions", latestPer: ["promptId"] },
  }),
  /** Few and nested, so kept as records. */
  toolCatalogs: records({
    version: 1,
    events: ["llm.tool_catalog.updated"],
    row: ({ data }): ToolCatalogEntry => ({
      tools: data.tools.map((tool) => ({
        allowlisted: tool.allowlisted,
        hasOwner: tool.owner !== undefined,
      })),
    }),
  }),
  pipelineRuns: columnar({
    version: 1,
    events: ["ci.pipeline.completed"],
    columns: { pipeline: col.string, status: col.string, trigger: col.string },
    row: ({ data }) => ({ pipeline: data.pipeline, status: data.status, trigger: data.trigger }),
    population: { name: "pipelineRuns" },
  }),
  dataQualityChecks: columnar({
    version: 1,
    events: ["data.quality.checked"],
    columns: { passed: col.boolean, automated: col.boolean, atIngestion: col.boolean },
    row: ({ data }) => ({ passed: data.passed, automated: data.automated, atIngestion: data.atIngestion }),
    population: { name: "dataQualityChecks" },
  }),
  dataContracts: columnar({
    version: 1,
    events: ["data.contract.published"],
    columns: { dataset: col.string, producer: col.string, consumer: col.string },
    row: ({ data }) => ({ dataset: data.dataset, producer: data.producer, consumer: data.consumer }),
    population: { name: "dataContracts", latestPer: ["dataset", "producer", "consumer"] },
  }),
  retrains: columnar({
    version: 1,
    events: ["ml.retrain.triggered"],
    columns: { trigger: col.string },
    row: ({ data }) => ({ trigger: data.trigger }),
    population: { name: "retrains" },
  }),
  evalRuns: columnar({
    version: 1,
    events: ["eval.run.completed"],
    columns: {
      /** The model version and/or release evaluated; matched against deploy versions. */
      refs: col.of<string[]>(),
      gate: col.of<"passed" | "failed" | "none">(),
      judged: col.boolean,
      /** True when no LLM judge was used, or its human agreement was recorded. */
      judgeCalibrated: col.boolean,
      productionSampled: col.boolean,
      shadow: col.boolean,
      trajectoryScored: col.boolean,
    },
    row: ({ data: d }) => ({
      refs: [d.modelVersion, d.release].filter((r): r is string => r !== undefined),
      gate: d.gate,
      judged: d.judge !== undefined,
      judgeCalibrated: d.judge === undefined || d.judge.humanAgreement !== undefined,
      productionSampled: d.productionSampled === true,
      shadow: d.shadow === true,
      // Trajectory quality in the gate: any score whose name mentions the trajectory.
      trajectoryScored: Object.keys(d.scores ?? {}).some((name) => /trajector/i.test(name)),
    }),
    population: { name: "evalRuns" },
  }),
  evalDatasetUpdates: columnar({
    version: 1,
    events: ["eval.dataset.updated"],
    columns: { source: col.string, addedCases: col.number },
    row: ({ data }) => ({ source: data.source, addedCases: data.addedCases }),
    population: { name: "evalDatasetUpdates" },
  }),
  failureModes: columnar({
    version: 1,
    events: ["eval.failure_modes.documented"],
    columns: { count: col.number },
    row: ({ data }) => ({ count: data.count }),
    population: { name: "failureModeCatalogues", latestPer: [] },
  }),
  deploys: columnar({
    version: 1,
    events: ["deploy.completed"],
    columns: {
      deploymentId: col.string,
      version: col.string,
      environment: col.string,
      strategy: col.string,
      gatedByEval: col.boolean,
      automated: col.boolean,
      /** changeRequestedAt, epoch ms. */
      requestedAt: col.of<number | null>(),
      succeeded: col.boolean,
    },
    row: ({ data: d }) => ({
      deploymentId: d.deploymentId,
      version: d.version,
      environment: d.environment,
      strategy: d.strategy,
      gatedByEval: d.gatedByEval,
      automated: d.automated,
      requestedAt: d.changeRequestedAt === undefined ? null : Date.parse(d.changeRequestedAt),
      succeeded: d.status === "succeeded",
    }),
  }),
  trafficShifts: columnar({
    version: 1,
    events: ["deploy.traffic.shifted"],
    columns: { deploymentId: col.string, byPolicy: col.boolean },
    row: ({ data }) => ({ deploymentId: data.deploymentId, byPolicy: data.byPolicy }),
    population: { name: "trafficShifts" },
  }),
  rollbacks: columnar({
    version: 1,
    events: ["deploy.rolled_back"],
    columns: { deploymentId: col.string, automatic: col.boolean },
    row: ({ data }) => ({ deploymentId: data.deploymentId, automatic: data.automatic }),
    population: { name: "rollbacks" },
  }),
  modelSwaps: columnar({
    version: 1,
    events: ["deploy.model_swap.completed"],
    columns: { playbook: col.boolean, durationHours: col.number },
    row: ({ data }) => ({ playbook: data.playbook, durationHours: data.durationHours }),
    population: { name: "modelSwaps" },
  }),
  incidentsOpened: columnar({
    version: 1,
    events: ["incident.opened"],
    columns: {
      incidentId: col.string,
      severity: col.number,
      kind: col.string,
      deploymentId: col.of<string | null>(),
    },
    row: ({ data }) => ({
      incidentId: data.incidentId,
      severity: data.severity,
      kind: data.kind,
      deploymentId: data.deploymentId ?? null,
    }),
  }),
  incidentsResolved: columnar({
    version: 1,
    events: ["incident.resolved"],
    columns: { incidentId: col.string },
    row: ({ data }) => ({ incidentId: data.incidentId }),
  }),
  gpuJobs: columnar({
    version: 1,
    events: ["gpu.job.admitted"],
    columns: { queue: col.string },
    row: ({ data }) => ({ queue: data.queue }),
  }),
  monitors: columnar({
    version: 1,
    events: ["monitor.configured"],
    columns: { signal: col.string, alerting: col.boolean },
    row: ({ data }) => ({ signal: data.signal, alerting: data.alerting }),
    population: { name: "monitors", latestPer: ["signal"] },
  }),
  llmCalls: dailyBuckets<"llm.call.completed", LlmCallBucket>({
    version: 1,
    events: ["llm.call.completed"],
    add: addLlmCall,
  }),
  agentRuns: dailyBuckets<"agent.run.completed", AgentRunBucket>({
    version: 1,
    events: ["agent.run.completed"],
    add: addAgentRun,
  }),
};

/** GPU queues are org-level facts: their subject is the queue, shared by the systems using it. */
export const queueFactKinds = {
  configs: records({
    version: 1,
    events: ["gpu.queue.configured"],
    row: ({ data }) => ({ policy: data.policy, preemption: data.preemption }),
  }),
};

/** Seen (so a fold stays idempotent) but not used by any criterion or metric yet. */
export const unusedEvents = [
  "gpu.job.preempted",
  "gpu.job.finished",
  "monitor.alert.fired",
  "policy.activated", // not a system's fact: the worker and the CLI apply it to the rubric
  "alerts.rules.changed", // not a system's fact: the worker decides alerts with them
  "alerts.delivery.redriven",
  "campaign.defined", // not a system's fact: campaigns are evaluated from the score history
  "campaign.closed",
] as const satisfies readonly EventType[];
