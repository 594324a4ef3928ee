// The fold: evolve(facts, event) → facts. Facts are updated in place and returned, because the
// worker and the benchmark fold millions of events; copying per event would dominate the cost.
import type { MaturityEvent } from "@maturity/model";
import { dedupHash } from "./dedup-key.ts";
import { initialQueueFacts, initialSystemFacts } from "./initial.ts";
import { insertRow } from "./columns.ts";
import { addToSortedSet, insertByTime } from "./sorted.ts";
import { addAgentRun, addLlmCall } from "./telemetry.ts";
import type { OrgFacts, SystemFacts } from "./types.ts";

export interface FoldOptions {
  /**
   * The caller guarantees every event is new to these facts (the worker: its event store dedupes
   * by (source, id) in the same transaction). Skips the `seen` hash set, which otherwise grows by
   * one entry per event forever. Only for callers that really dedupe: a repeated event would count
   * twice. The default (false) keeps the fold idempotent.
   */
  assumeNew?: boolean;
}

export function evolve(facts: OrgFacts, event: MaturityEvent, options: FoldOptions = {}): OrgFacts {
  if (event.type === "gpu.queue.configured") {
    const queue = (facts.queues[event.subject] ??= initialQueueFacts(event.subject));
    if (options.assumeNew !== true && !addToSortedSet(queue.seen, dedupHash(event.source, event.id)))
      return facts;
    insertByTime(queue.configs, {
      id: event.id,
      t: Date.parse(event.time),
      policy: event.data.policy,
      preemption: event.data.preemption,
    });
    return facts;
  }
  const system = (facts.systems[event.subject] ??= initialSystemFacts(event.subject));
  evolveSystem(system, event, options);
  return facts;
}

export function foldEvents(
  facts: OrgFacts,
  events: Iterable<MaturityEvent>,
  options: FoldOptions = {},
): OrgFacts {
  for (const event of events) evolve(facts, event, options);
  return facts;
}

/**
 * Folds one event into one system's facts (the worker's unit: it loads a system's facts, folds the
 * new events, stores them). Returns false for a duplicate, which changes nothing. The worker passes
 * `{ assumeNew: true }` (see FoldOptions).
 */
export function evolveSystem(s: SystemFacts, event: MaturityEvent, options: FoldOptions = {}): boolean {
  if (options.assumeNew !== true && !addToSortedSet(s.seen, dedupHash(event.source, event.id))) return false;
  const id = event.id;
  const t = Date.parse(event.time);
  switch (event.type) {
    case "catalog.system.registered":
    case "catalog.system.updated": {
      const d = event.data;
      insertByTime(s.catalog, {
        id,
        t,
        change: event.type === "catalog.system.registered" ? "registered" : "updated",
        ...(d.name !== undefined && { name: d.name }),
        ...(d.team !== undefined && { team: d.team }),
        ...(d.kind !== undefined && { kind: d.kind }),
        ...(d.riskTier !== undefined && { riskTier: d.riskTier }),
        ...(d.sources?.gpuQueues !== undefined && { gpuQueues: [...d.sources.gpuQueues] }),
      });
      break;
    }
    case "catalog.system.retired":
      insertByTime(s.catalog, { id, t, change: "retired" });
      break;
    case "catalog.asset.updated":
      insertRow(s.assets, {
        id,
        t,
        assetId: event.data.assetId,
        assetType: event.data.assetType,
        hasOwner: event.data.owner !== undefined,
        lineage: event.data.lineage,
        changeReviewed: event.data.changeReviewed,
      });
      break;
    case "gov.owner.assigned":
      insertRow(s.owners, {
        id,
        t,
        owner: event.data.owner,
        hasOnCall: event.data.onCallRotation !== undefined,
      });
      break;
    case "gov.risk_assessment.completed":
      insertRow(s.riskAssessments, {
        id,
        t,
        changeRef: event.data.changeRef ?? null,
        trigger: event.data.trigger,
        outcome: event.data.outcome,
      });
      break;
    case "gov.change.reviewed":
      insertRow(s.changeReviews, {
        id,
        t,
        changeRef: event.data.changeRef,
        approved: event.data.approved,
      });
      break;
    case "gov.hitl_override.documented":
      insertRow(s.overrides, { id, t, docRef: event.data.docRef });
      break;
    case "gov.redteam.completed":
      insertRow(s.redteams, { id, t, scheduled: event.data.scheduled, passed: event.data.passed });
      break;
    case "gov.fairness.checked":
      insertRow(s.fairnessChecks, {
        id,
        t,
        thresholdsDocumented: event.data.thresholdsDocumented,
        passed: event.data.passed,
      });
      break;
    case "gov.docs.generated":
      insertRow(s.docs, { id, t, artefact: event.data.artefact, fromPipeline: event.data.fromPipeline });
      break;
    case "gov.audit.requested":
      insertRow(s.auditsRequested, { id, t, auditId: event.data.auditId });
      break;
    case "gov.audit.delivered":
      insertRow(s.auditsDelivered, { id, t, auditId: event.data.auditId });
      break;
    case "exp.run.logged":
      insertRow(s.experimentRuns, {
        id,
        t,
        tracker: event.data.tracker,
        hasCodeVersion: event.data.codeVersion !== undefined,
        hasDataVersion: event.data.dataVersion !== undefined,
      });
      break;
    case "registry.model_version.registered":
      insertRow(s.modelVersions, {
        id,
        t,
        model: event.data.model,
        version: event.data.version,
        hasRun: event.data.runId !== undefined,
        hasCodeVersion: event.data.codeVersion !== undefined,
        hasDataVersion: event.data.dataVersion !== undefined,
      });
      break;
    case "registry.model_version.promoted":
      insertRow(s.promotions, {
        id,
        t,
        model: event.data.model,
        version: event.data.version,
        alias: event.data.alias,
      });
      break;
    case "registry.rebuild.verified":
      insertRow(s.rebuilds, {
        id,
        t,
        model: event.data.model,
        version: event.data.version,
        durationMinutes: event.data.durationMinutes,
        artefactMatches: event.data.artefactMatches,
      });
      break;
    case "prompt.version.committed":
      insertRow(s.promptVersions, {
        id,
        t,
        promptId: event.data.promptId,
        version: event.data.version,
        inSourceControl: event.data.commitSha !== undefined,
      });
      break;
    case "llm.tool_catalog.updated":
      insertByTime(s.toolCatalogs, {
        id,
        t,
        tools: event.data.tools.map((tool) => ({
          allowlisted: tool.allowlisted,
          hasOwner: tool.owner !== undefined,
        })),
      });
      break;
    case "ci.pipeline.completed":
      insertRow(s.pipelineRuns, {
        id,
        t,
        pipeline: event.data.pipeline,
        status: event.data.status,
        trigger: event.data.trigger,
      });
      break;
    case "data.quality.checked":
      insertRow(s.dataQualityChecks, {
        id,
        t,
        passed: event.data.passed,
        automated: event.data.automated,
        atIngestion: event.data.atIngestion,
      });
      break;
    case "data.contract.published":
      insertRow(s.dataContracts, {
        id,
        t,
        dataset: event.data.dataset,
        producer: event.data.producer,
        consumer: event.data.consumer,
      });
      break;
    case "ml.retrain.triggered":
      insertRow(s.retrains, { id, t, trigger: event.data.trigger });
      break;
    case "eval.run.completed": {
      const d = event.data;
      const refs = [d.modelVersion, d.release].filter((r): r is string => r !== undefined);
      insertRow(s.evalRuns, {
        id,
        t,
        refs,
        gate: d.gate,
        judged: d.judge !== undefined,
        judgeCalibrated: d.judge === undefined || d.judge.humanAgreement !== undefined,
        productionSampled: d.productionSampled === true,
        shadow: d.shadow === true,
        // Trajectory quality in the gate: any score whose name mentions the trajectory.
        trajectoryScored: Object.keys(d.scores ?? {}).some((name) => /trajector/i.test(name)),
      });
      break;
    }
    case "eval.dataset.updated":
      insertRow(s.evalDatasetUpdates, {
        id,
        t,
        source: event.data.source,
        addedCases: event.data.addedCases,
      });
      break;
    case "eval.failure_modes.documented":
      insertRow(s.failureModes, { id, t, count: event.data.count });
      break;
    case "deploy.completed": {
      const d = event.data;
      insertRow(s.deploys, {
        id,
        t,
        deploymentId: d.deploymentId,
        version: d.version,
        environment: d.environment,
        strategy: d.strategy,
        gatedByEval: d.gatedByEval,
        automated: d.automated,
        requestedAt: d.changeRequestedAt === undefined ? null : Date.parse(d.changeRequestedAt),
        succeeded: d.status === "succeeded",
      });
      break;
    }
    case "deploy.traffic.shifted":
      insertRow(s.trafficShifts, {
        id,
        t,
        deploymentId: event.data.deploymentId,
        byPolicy: event.data.byPolicy,
      });
      break;
    case "deploy.rolled_back":
      insertRow(s.rollbacks, {
        id,
        t,
        deploymentId: event.data.deploymentId,
        automatic: event.data.automatic,
      });
      break;
    case "deploy.model_swap.completed":
      insertRow(s.modelSwaps, {
        id,
        t,
        playbook: event.data.playbook,
        durationHours: event.data.durationHours,
      });
      break;
    case "incident.opened":
      insertRow(s.incidentsOpened, {
        id,
        t,
        incidentId: event.data.incidentId,
        severity: event.data.severity,
        kind: event.data.kind,
        deploymentId: event.data.deploymentId ?? null,
      });
      break;
    case "incident.resolved":
      insertRow(s.incidentsResolved, { id, t, incidentId: event.data.incidentId });
      break;
    case "gpu.job.admitted":
      insertRow(s.gpuJobs, { id, t, queue: event.data.queue });
      break;
    case "monitor.configured":
      insertRow(s.monitors, { id, t, signal: event.data.signal, alerting: event.data.alerting });
      break;
    case "llm.call.completed":
      addLlmCall(s.llmCalls, event, t);
      break;
    case "agent.run.completed":
      addAgentRun(s.agentRuns, event, t);
      break;
    // Seen (so they stay idempotent) but not used by any criterion or metric yet.
    case "gpu.job.preempted":
    case "gpu.job.finished":
    case "monitor.alert.fired":
    case "gpu.queue.configured":
      break;
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event type ${(unhandled as MaturityEvent).type}`);
    }
  }
  return true;
}
