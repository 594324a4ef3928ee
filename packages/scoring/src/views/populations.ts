// Builds the record sets the rubric's rules look at (see populations in @maturity/model/rubric)
// from a system's facts, as of a time and over a scope. Raw fact records are used as they are
// where their fields already match; joined and weighted views are built once per scoring and cached.
import type { EvidenceKind, Population } from "@maturity/model/rubric";
import { between, upTo } from "../facts/sorted.ts";
import type { EvalRunRec, QueueFacts, Rec, SystemFacts } from "../facts/types.ts";
import { bucketInRange } from "../metrics/cost-by-feature.ts";
import { isProductionSuccess } from "../metrics/production-deploys.ts";
import type { SystemIdentity } from "./catalog.ts";

/** A record as a rule sees it: an id (evidence), a time, a weight (default 1) and named fields. */
export interface ViewRecord extends Rec {
  weight?: number;
}

export interface ViewContext {
  facts: SystemFacts;
  identity: SystemIdentity;
  queues: Record<string, QueueFacts>;
  asOf: number;
  /** Start (exclusive) of the criteria evidence window. */
  windowStart: number;
}

// State evidence: the latest record per key holds until replaced. Populations without a key use
// every record up to asOf (e.g. "every rollback so far").
const stateKeys: Partial<Record<Population, (r: never) => string>> = {
  promptVersions: (r: { promptId: string }) => r.promptId,
  catalogAssets: (r: { assetId: string }) => r.assetId,
  monitors: (r: { signal: string }) => r.signal,
  owners: () => "owner",
  failureModeCatalogues: () => "catalogue",
  overridePaths: (r: { docRef: string }) => r.docRef,
  dataContracts: (r: { dataset: string; producer: string; consumer: string }) =>
    `${r.dataset}|${r.producer}|${r.consumer}`,
};

function latestPerKey<T extends Rec>(records: T[], key: (r: T) => string): T[] {
  const latest = new Map<string, T>();
  for (const r of records) latest.set(key(r), r); // sorted by time: the last one wins
  return [...latest.values()].sort((a, b) => a.t - b.t);
}

export class PopulationViews {
  private readonly cache = new Map<string, ViewRecord[]>();
  private evalRunsByRef: Map<string, EvalRunRec[]> | undefined;

  constructor(readonly ctx: ViewContext) {}

  get(population: Population, scope: EvidenceKind): ViewRecord[] {
    const cacheKey = `${population}:${scope}`;
    let records = this.cache.get(cacheKey);
    if (records === undefined) {
      records = this.build(population, scope);
      this.cache.set(cacheKey, records);
    }
    return records;
  }

  private scoped<T extends Rec>(list: T[], scope: EvidenceKind): T[] {
    return scope === "activity" ? between(list, this.ctx.windowStart, this.ctx.asOf) : upTo(list, this.ctx.asOf);
  }

  private build(population: Population, scope: EvidenceKind): ViewRecord[] {
    const base = this.raw(population, scope);
    const key = stateKeys[population] as ((r: ViewRecord) => string) | undefined;
    return scope === "state" && key !== undefined ? latestPerKey(base, key) : base;
  }

  private raw(population: Population, scope: EvidenceKind): ViewRecord[] {
    const f = this.ctx.facts;
    switch (population) {
      case "experimentRuns":
        return this.scoped(f.experimentRuns, scope);
      case "modelVersions":
        return this.scoped(f.modelVersions, scope);
      case "productionDeploys":
        return this.productionDeploys(scope);
      case "promotions":
        return this.scoped(f.promotions, scope);
      case "rebuilds":
        return this.scoped(f.rebuilds, scope);
      case "promptVersions":
        return this.scoped(f.promptVersions, scope);
      case "catalogTools": {
        const latest = this.scoped(f.toolCatalogs, scope).at(-1);
        return latest === undefined ? [] : latest.tools.map((tool) => ({ id: latest.id, t: latest.t, ...tool }));
      }
      case "pipelineRuns":
        return this.scoped(f.pipelineRuns, scope);
      case "dataQualityChecks":
        return this.scoped(f.dataQualityChecks, scope);
      case "dataContracts":
        return this.scoped(f.dataContracts, scope);
      case "retrains":
        return this.scoped(f.retrains, scope);
      case "catalogAssets":
        return this.scoped(f.assets, scope);
      case "evalRuns":
        return this.scoped(f.evalRuns, scope);
      case "evalDatasetUpdates":
        return this.scoped(f.evalDatasetUpdates, scope);
      case "failureModeCatalogues":
        return this.scoped(f.failureModes, scope);
      case "redteamRuns":
        return this.scoped(f.redteams, scope);
      case "fairnessChecks":
        return this.scoped(f.fairnessChecks, scope);
      case "trafficShifts":
        return this.scoped(f.trafficShifts, scope);
      case "rollbacks":
        return this.scoped(f.rollbacks, scope);
      case "modelSwaps":
        return this.scoped(f.modelSwaps, scope);
      case "gpuQueues":
        return this.gpuQueues(scope);
      case "monitors":
        return this.scoped(f.monitors, scope);
      case "owners":
        return this.scoped(f.owners, scope);
      case "riskAssessments":
        return this.scoped(f.riskAssessments, scope);
      case "changeReviews":
        return this.scoped(f.changeReviews, scope);
      case "overridePaths":
        return this.scoped(f.overrides, scope);
      case "generatedDocs":
        return this.scoped(f.docs, scope);
      case "llmCalls":
        return this.llmCalls(scope);
      case "agentRuns":
        return this.agentRuns(scope);
    }
  }

  /** Succeeded production deploys, joined with evaluations, the registry and change records. */
  private productionDeploys(scope: EvidenceKind): ViewRecord[] {
    const f = this.ctx.facts;
    const asOf = this.ctx.asOf;
    const deploys = this.scoped(f.deploys, scope).filter(isProductionSuccess);
    if (deploys.length === 0) return [];
    const registered = new Set(upTo(f.modelVersions, asOf).map((v) => v.version));
    const approved = new Set(upTo(f.changeReviews, asOf).flatMap((r) => (r.approved ? [r.changeRef] : [])));
    const assessed = new Set(upTo(f.riskAssessments, asOf).flatMap((r) => (r.changeRef === null ? [] : [r.changeRef])));
    return deploys.map((d) => {
      const evals = this.evalsBefore(d.version, d.t);
      // The gate that decided the release: the latest gated evaluation before it went out.
      let gate: "passed" | "failed" | "none" | "missing" = evals.length === 0 ? "missing" : "none";
      for (let i = evals.length - 1; i >= 0; i--) {
        const g = (evals[i] as EvalRunRec).gate;
        if (g !== "none") {
          gate = g;
          break;
        }
      }
      return {
        id: d.id,
        t: d.t,
        strategy: d.strategy,
        gatedByEval: d.gatedByEval,
        automated: d.automated,
        evaluated: evals.length > 0,
        gate,
        inRegistry: registered.has(d.version),
        reviewed: approved.has(d.deploymentId) || approved.has(d.version),
        riskAssessed: assessed.has(d.deploymentId) || assessed.has(d.version),
      };
    });
  }

  /** Evaluations of `version` (as model version or release) at or before time t. */
  private evalsBefore(version: string, t: number): EvalRunRec[] {
    if (this.evalRunsByRef === undefined) {
      this.evalRunsByRef = new Map();
      for (const run of upTo(this.ctx.facts.evalRuns, this.ctx.asOf)) {
        for (const ref of run.refs) {
          const list = this.evalRunsByRef.get(ref);
          if (list === undefined) this.evalRunsByRef.set(ref, [run]);
          else list.push(run);
        }
      }
    }
    return (this.evalRunsByRef.get(version) ?? []).filter((run) => run.t <= t);
  }

  /** The queues the system uses, each with its latest configuration as of asOf. */
  private gpuQueues(scope: EvidenceKind): ViewRecord[] {
    const jobs = this.scoped(this.ctx.facts.gpuJobs, scope);
    const lastJob = new Map<string, Rec>();
    for (const job of jobs) lastJob.set(job.queue, job);
    const names = new Set([...this.ctx.identity.gpuQueues, ...lastJob.keys()]);
    const records: ViewRecord[] = [];
    for (const queue of [...names].sort()) {
      const config = upTo(this.ctx.queues[queue]?.configs ?? [], this.ctx.asOf).at(-1);
      if (config !== undefined) {
        records.push({ id: config.id, t: config.t, queue, policy: config.policy, preemption: config.preemption } as ViewRecord);
        continue;
      }
      const job = lastJob.get(queue);
      // A catalogued queue with neither configuration nor jobs gives no evidence either way.
      if (job !== undefined) records.push({ id: job.id, t: job.t, queue, policy: "unconfigured", preemption: false } as ViewRecord);
    }
    return records.sort((a, b) => a.t - b.t);
  }

  private bucketRange(scope: EvidenceKind): [number, number] {
    return [scope === "activity" ? this.ctx.windowStart : -Infinity, this.ctx.asOf];
  }

  /** LLM calls as weighted records: per day bucket, the calls with and without a cost. */
  private llmCalls(scope: EvidenceKind): ViewRecord[] {
    const [from, to] = this.bucketRange(scope);
    const records: ViewRecord[] = [];
    for (const b of this.ctx.facts.llmCalls) {
      if (!bucketInRange(b.day, from, to)) continue;
      const hasFeature = b.feature !== null;
      if (b.costedCalls > 0)
        records.push({ id: b.lastId, t: b.lastT, weight: b.costedCalls, hasCost: true, hasFeature } as ViewRecord);
      if (b.calls > b.costedCalls)
        records.push({ id: b.lastId, t: b.lastT, weight: b.calls - b.costedCalls, hasCost: false, hasFeature } as ViewRecord);
    }
    return records;
  }

  private agentRuns(scope: EvidenceKind): ViewRecord[] {
    const [from, to] = this.bucketRange(scope);
    const records: ViewRecord[] = [];
    for (const b of this.ctx.facts.agentRuns) {
      if (!bucketInRange(b.day, from, to)) continue;
      if (b.terminationRecorded > 0)
        records.push({ id: b.lastId, t: b.lastT, weight: b.terminationRecorded, terminationRecorded: true } as ViewRecord);
      if (b.runs > b.terminationRecorded)
        records.push({ id: b.lastId, t: b.lastT, weight: b.runs - b.terminationRecorded, terminationRecorded: false } as ViewRecord);
    }
    return records;
  }
}
