// Builds the record sets the rubric's rules look at (see populations in @maturity/model/rubric)
// from a system's facts, as of a time and over a scope. Fact columns are used as they are (a row
// range, or an index list for "latest per key"); joined and weighted views get small columns of
// their own. Every view is built at most once per scoring.
import { populationNames, type EvidenceKind, type Population } from "@maturity/model/rubric";
import { bucketRange } from "../facts/bucket-range.ts";
import { rowsBetween } from "../facts/columns.ts";
import { plainPopulations } from "../facts/kinds/index.ts";
import { upTo } from "../facts/sorted.ts";
import { sortInPlace } from "../small-sort.ts";
import type {
  AgentRunBucket,
  ColumnListName,
  Columns,
  LlmCallBucket,
  QueueFacts,
  Rec,
  SystemFacts,
} from "../facts/types.ts";
import { keepShape } from "../keep-shape.ts";
import { MetricJoins } from "../metrics/joins.ts";
import { isProductionSuccess } from "../metrics/production-deploys.ts";
import type { SystemIdentity } from "./catalog.ts";
import { approved, assessed, markDeployRefs, registered } from "./deploy-refs.ts";
import { ReleaseGates } from "./release-gates.ts";
import {
  emptyView,
  indexView,
  ownView,
  rangeView,
  rowAt,
  viewSize,
  type View,
  type ViewColumns,
} from "./view.ts";

export interface ViewContext {
  facts: SystemFacts;
  identity: SystemIdentity;
  queues: Record<string, QueueFacts>;
  asOf: number;
  /** Start (exclusive) of the criteria evidence window. */
  windowStart: number;
}

// The plain populations (see the fact kind table): the columnar list behind each, and for state
// evidence the fields whose latest row per value holds until replaced. Populations without them use
// every record up to asOf (e.g. "every rollback so far").
const factLists = new Map<Population, ColumnListName>();
const stateKeys = new Map<Population, readonly string[]>();
for (const { name, list, latestPer } of plainPopulations) {
  factLists.set(name, list);
  if (latestPer !== undefined) stateKeys.set(name, latestPer);
}

/** The view's latest row per value of the key fields (no fields: its latest row). */
function latestPerKey(view: View, keyFields: readonly string[]): View {
  const keyColumns = keyFields.map((field) => view.cols[field] ?? []);
  const latest = new Map<unknown, number>();
  const size = viewSize(view);
  for (let k = 0; k < size; k++) {
    const row = rowAt(view, k);
    latest.set(keyAt(keyColumns, row), row); // rows are in time order: the last one wins
  }
  const t = view.cols.t;
  // Stable sort by time: equal times keep the order in which their keys first appeared.
  const index = sortInPlace([...latest.values()], (a, b) => (t[a] as number) - (t[b] as number));
  return indexView(view.cols, index);
}

function keyAt(keyColumns: readonly (readonly unknown[])[], row: number): unknown {
  if (keyColumns.length === 1) return (keyColumns[0] as readonly unknown[])[row];
  return keyColumns.map((column) => column[row]).join("|");
}

// A telemetry bucket splits into the events with a property and those without.
const withAndWithout = [true, false] as const;

// Each population's slot in the per-scope view caches (fixed: the populations are the model's).
const populationSlot = new Map<Population, number>(populationNames.map((name, slot) => [name, slot]));

export class PopulationViews {
  // One cache per scope, a slot per population: no maps grown or key strings built per system.
  private readonly cache: Record<EvidenceKind, (View | undefined)[]>;
  private metricLookups: MetricJoins | undefined;

  /**
   * `run`: for views over another evidence window (see `forWindow`), the system's views over the
   * run's window, whose state views and metric lookups these share.
   */
  constructor(
    readonly ctx: ViewContext,
    private readonly run?: PopulationViews,
  ) {
    // State evidence does not depend on the window: views over any window share those.
    this.cache = {
      state: run?.cache.state ?? new Array<View | undefined>(populationNames.length),
      activity: new Array<View | undefined>(populationNames.length),
    };
  }

  /** The same system's views as of the same time over another evidence window (exclusive start). */
  forWindow(windowStart: number): PopulationViews {
    return new PopulationViews({ ...this.ctx, windowStart }, this.run ?? this);
  }

  /** Lookups shared by the metrics of every window ending at asOf (criteria and report). */
  get metricJoins(): MetricJoins {
    this.metricLookups ??= this.run?.metricJoins ?? new MetricJoins(this.ctx.facts, this.ctx.asOf);
    return this.metricLookups;
  }

  /** The population's fixed slot (for caches kept beside the views). */
  slotOf(population: Population): number {
    return populationSlot.get(population) as number;
  }

  get(population: Population, scope: EvidenceKind): View {
    const cache = this.cache[scope];
    const slot = populationSlot.get(population) as number;
    let view = cache[slot];
    if (view === undefined) {
      view = this.build(population, scope);
      cache[slot] = view;
    }
    return view;
  }

  /** Rows of a fact list in the scope: the evidence window, or all history up to asOf. */
  private scoped(cols: Columns<Rec>, scope: EvidenceKind): View {
    const from = scope === "activity" ? this.ctx.windowStart : -Infinity;
    return rangeView(cols as unknown as ViewColumns, rowsBetween(cols, from, this.ctx.asOf));
  }

  private build(population: Population, scope: EvidenceKind): View {
    const base = this.raw(population, scope);
    const key = stateKeys.get(population);
    return scope === "state" && key !== undefined ? latestPerKey(base, key) : base;
  }

  private raw(population: Population, scope: EvidenceKind): View {
    switch (population) {
      case "productionDeploys":
        return this.productionDeploys(scope);
      case "catalogTools":
        return this.catalogTools(scope);
      case "gpuQueues":
        return this.gpuQueues(scope);
      case "llmCalls":
        return this.llmCalls(scope);
      case "agentRuns":
        return this.agentRuns(scope);
      default: {
        const list = factLists.get(population);
        if (list === undefined) throw new Error(`scoring has no view of the population ${population}`);
        return this.scoped(this.ctx.facts[list] as unknown as Columns<Rec>, scope);
      }
    }
  }

  /** The tools of the latest tool catalogue in scope, each a row carrying the catalogue's id. */
  private catalogTools(scope: EvidenceKind): View {
    const catalogs = this.ctx.facts.toolCatalogs;
    const from = scope === "activity" ? this.ctx.windowStart : -Infinity;
    let latest: (typeof catalogs)[number] | undefined;
    for (let i = catalogs.length - 1; i >= 0 && latest === undefined; i--) {
      const c = catalogs[i] as (typeof catalogs)[number];
      if (c.t <= this.ctx.asOf && c.t > from) latest = c;
    }
    if (latest === undefined) return emptyView;
    const n = latest.tools.length;
    return ownView({
      id: new Array<string>(n).fill(latest.id),
      t: new Array<number>(n).fill(latest.t),
      allowlisted: latest.tools.map((tool) => tool.allowlisted),
      hasOwner: latest.tools.map((tool) => tool.hasOwner),
    });
  }

  /** Succeeded production deploys, joined with evaluations, the registry and change records. */
  private productionDeploys(scope: EvidenceKind): View {
    const deploys = this.ctx.facts.deploys;
    const range = this.scoped(deploys, scope);
    let n = 0;
    for (let i = range.start; i < range.end; i++) if (isProductionSuccess(deploys, i)) n++;
    // Columns of their exact size: the view lives through the whole system's scoring.
    const cols = {
      id: new Array<string>(n),
      t: new Array<number>(n),
      strategy: new Array<string>(n),
      gatedByEval: new Array<boolean>(n),
      automated: new Array<boolean>(n),
      evaluated: new Array<boolean>(n),
      gate: new Array<string>(n),
      inRegistry: new Array<boolean>(n),
      reviewed: new Array<boolean>(n),
      riskAssessed: new Array<boolean>(n),
    };
    if (n === 0) return ownView(cols);
    const flags = new Map<string, number>();
    for (let i = range.start; i < range.end; i++) {
      if (!isProductionSuccess(deploys, i)) continue;
      flags.set(deploys.version[i] as string, 0);
      flags.set(deploys.deploymentId[i] as string, 0);
    }
    markDeployRefs(this.ctx.facts, this.ctx.asOf, flags);
    const gates = new ReleaseGates(this.ctx.facts.evalRuns, flags); // only these deploys' versions
    for (let i = range.start, row = 0; i < range.end; i++) {
      if (!isProductionSuccess(deploys, i)) continue;
      const t = deploys.t[i] as number;
      const version = deploys.version[i] as string;
      const deploymentId = deploys.deploymentId[i] as string;
      cols.id[row] = deploys.id[i] as string;
      cols.t[row] = t;
      cols.strategy[row] = deploys.strategy[i] as string;
      cols.gatedByEval[row] = deploys.gatedByEval[i] as boolean;
      cols.automated[row] = deploys.automated[i] as boolean;
      const gate = gates.at(version, t);
      cols.evaluated[row] = gate !== "missing";
      cols.gate[row] = gate;
      const versionFlags = flags.get(version) as number;
      const refFlags = versionFlags | (flags.get(deploymentId) as number);
      cols.inRegistry[row] = (versionFlags & registered) !== 0;
      cols.reviewed[row] = (refFlags & approved) !== 0;
      cols.riskAssessed[row] = (refFlags & assessed) !== 0;
      row++;
    }
    return ownView(cols);
  }

  /** The queues the system uses, each with its latest configuration as of asOf. */
  private gpuQueues(scope: EvidenceKind): View {
    const jobs = this.ctx.facts.gpuJobs;
    const range = this.scoped(jobs, scope);
    const lastJob = new Map<string, number>();
    for (let i = range.start; i < range.end; i++) lastJob.set(jobs.queue[i] as string, i);
    const names = new Set([...this.ctx.identity.gpuQueues, ...lastJob.keys()]);
    const records: { id: string; t: number; queue: string; policy: string; preemption: boolean }[] = [];
    for (const queue of [...names].sort()) {
      const config = upTo(this.ctx.queues[queue]?.configs ?? [], this.ctx.asOf).at(-1);
      if (config !== undefined) {
        records.push({
          id: config.id,
          t: config.t,
          queue,
          policy: config.policy,
          preemption: config.preemption,
        });
        continue;
      }
      const job = lastJob.get(queue);
      // A catalogued queue with neither configuration nor jobs gives no evidence either way.
      if (job !== undefined)
        records.push({
          id: jobs.id[job] as string,
          t: jobs.t[job] as number,
          queue,
          policy: "unconfigured",
          preemption: false,
        });
    }
    records.sort((a, b) => a.t - b.t);
    return ownView({
      id: records.map((r) => r.id),
      t: records.map((r) => r.t),
      queue: records.map((r) => r.queue),
      policy: records.map((r) => r.policy),
      preemption: records.map((r) => r.preemption),
    });
  }

  /** LLM calls as weighted rows: per day bucket, the calls with and without a cost. */
  private llmCalls(scope: EvidenceKind): View {
    const from = scope === "activity" ? this.ctx.windowStart : -Infinity;
    const buckets = this.ctx.facts.llmCalls;
    const [start, end] = bucketRange(buckets, from, this.ctx.asOf);
    let n = 0;
    for (let i = start; i < end; i++) {
      const b = buckets[i] as LlmCallBucket;
      n += (b.costedCalls > 0 ? 1 : 0) + (b.calls > b.costedCalls ? 1 : 0);
    }
    // Exact sizes: these are the largest views of a telemetry-heavy system.
    const cols = {
      id: new Array<string>(n),
      t: new Array<number>(n),
      weight: new Array<number>(n),
      hasCost: new Array<boolean>(n),
      hasFeature: new Array<boolean>(n),
    };
    for (let i = start, row = 0; i < end; i++) {
      const b = buckets[i] as LlmCallBucket;
      const hasFeature = b.feature !== null;
      for (const hasCost of withAndWithout) {
        const weight = hasCost ? b.costedCalls : b.calls - b.costedCalls;
        if (weight <= 0) continue;
        cols.id[row] = b.lastId;
        cols.t[row] = b.lastT;
        cols.weight[row] = weight;
        cols.hasCost[row] = hasCost;
        cols.hasFeature[row] = hasFeature;
        row++;
      }
    }
    return ownView(cols);
  }

  /** Agent runs as weighted rows: per day bucket, the runs with and without a recorded end. */
  private agentRuns(scope: EvidenceKind): View {
    const from = scope === "activity" ? this.ctx.windowStart : -Infinity;
    const buckets = this.ctx.facts.agentRuns;
    const [start, end] = bucketRange(buckets, from, this.ctx.asOf);
    let n = 0;
    for (let i = start; i < end; i++) {
      const b = buckets[i] as AgentRunBucket;
      n += (b.terminationRecorded > 0 ? 1 : 0) + (b.runs > b.terminationRecorded ? 1 : 0);
    }
    const cols = {
      id: new Array<string>(n),
      t: new Array<number>(n),
      weight: new Array<number>(n),
      terminationRecorded: new Array<boolean>(n),
    };
    for (let i = start, row = 0; i < end; i++) {
      const b = buckets[i] as AgentRunBucket;
      for (const recorded of withAndWithout) {
        const weight = recorded ? b.terminationRecorded : b.runs - b.terminationRecorded;
        if (weight <= 0) continue;
        cols.id[row] = b.lastId;
        cols.t[row] = b.lastT;
        cols.weight[row] = weight;
        cols.terminationRecorded[row] = recorded;
        row++;
      }
    }
    return ownView(cols);
  }
}

keepShape(new PopulationViews({} as ViewContext));
