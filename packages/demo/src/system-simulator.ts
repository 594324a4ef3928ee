// One system's history, one day at a time. Holds only the little state that carries over between
// days (counters, the last release, events due later), so a history of any length streams.
import type { Axis, MonitorSignal } from "./model-types.ts";
import { draft, envelope, type DemoEvent, type Draft } from "./events.ts";
import type { PlannedSystem } from "./organisation.ts";
import { Prng } from "./prng.ts";
import type { AxisLevels } from "./profiles.ts";
import { releaseDrafts } from "./releases.ts";
import { agentRunData, dailyVolume, llmCallData } from "./telemetry.ts";
import { dayMs, hourMs, type Timeline } from "./timeline.ts";

const classicalSignals: Record<number, MonitorSignal[]> = {
  2: ["infra"],
  3: ["drift", "gold_panel", "prediction_distribution"],
  4: ["training_serving_skew", "latency"],
};
const llmSignals: Record<number, MonitorSignal[]> = { 2: ["infra"], 3: ["cost"], 4: ["latency"] };

/** Chance of an incident on a given day, by the weaker of evaluation and observability. */
const incidentRate = [0, 1 / 20, 1 / 35, 1 / 50, 1 / 70, 1 / 90];

export class SystemSimulator {
  private readonly rng: Prng;
  private readonly volumeScale: number;
  private seq = 0;
  private releases = 0;
  private incidents = 0;
  private audits = 0;
  private lastRelease: { deploymentId: string; version: string; t: number } | undefined;
  private previous: AxisLevels | undefined;
  private readonly monitors = new Map<MonitorSignal, boolean>();
  /** Events that fall on a later day (an incident resolved tomorrow), in no particular order. */
  private pending: Draft[] = [];

  constructor(
    readonly system: PlannedSystem,
    private readonly timeline: Timeline,
    private readonly llmCallsPerDay: number,
    seed: number,
    /** Prefix of event ids; live streams use their own so they never collide with history. */
    private readonly idPrefix = system.systemId,
  ) {
    this.rng = new Prng(seed, `${idPrefix}/${system.systemId}`);
    this.volumeScale = this.rng.between(0.5, 1.8);
  }

  levelsOn(day: number): AxisLevels {
    let levels = this.system.profile.phases[0]?.levels as AxisLevels;
    for (const phase of this.system.profile.phases) {
      if (day >= Math.floor(phase.from * this.timeline.days)) levels = phase.levels;
    }
    return levels;
  }

  private nextId(): string {
    return `${this.idPrefix}.${(++this.seq).toString(36)}`;
  }

  registration(t: number): DemoEvent {
    const s = this.system;
    return envelope(
      this.nextId(),
      s.systemId,
      draft(t, "catalog.system.registered", {
        name: s.name,
        team: s.team,
        kind: s.kind,
        riskTier: s.riskTier,
        description: s.profile.story,
        sources: {
          repos: [`demo-org/${s.systemId}`],
          services: [s.systemId],
          ...(s.kind === "classical" && { registryModels: [s.model] }),
          ...(s.gpuQueue !== undefined && { gpuQueues: [s.gpuQueue] }),
        },
      }),
    );
  }

  /**
   * The events of day `day`, in time order. `slotStart` and `levels` default to the history's;
   * the live stream passes "the last 24 hours" and the final levels.
   */
  *day(
    day: number,
    slotStart = this.timeline.slotStart(day),
    levels = this.levelsOn(day),
  ): Generator<DemoEvent> {
    const at = (hours: number) => slotStart + hours * hourMs;
    const drafts: Draft[] = [];
    if (this.previous === undefined || !sameLevels(this.previous, levels))
      this.adopt(levels, at(0.25), drafts);
    this.previous = levels;
    const weekday = this.timeline.weekday(day);
    if (this.releasesOn(levels.deployment, day, weekday)) {
      const n = ++this.releases;
      const t = at(this.rng.between(10, 15));
      const release = releaseDrafts(this.system, levels, n, t, this.rng);
      for (const d of release.drafts) drafts.push(d);
      this.lastRelease = { deploymentId: release.deploymentId, version: release.version, t };
    }
    this.routine(levels, day, weekday, at, drafts);
    this.maybeIncident(levels, day, at, drafts);

    const slotEnd = slotStart + dayMs;
    const today: Draft[] = [];
    const later: Draft[] = [];
    for (const d of this.pending) (d.t < slotEnd ? today : later).push(d);
    for (const d of drafts) (d.t < slotEnd ? today : later).push(d);
    today.sort((a, b) => a.t - b.t);
    this.pending = later;
    yield* this.mergeTelemetry(today, levels.observability, slotStart);
  }

  private releasesOn(deployment: number, day: number, weekday: number): boolean {
    // Fixed weekdays give the cadence each level promises in every scored week; extras add noise.
    if (deployment <= 1) return day % 11 === 5;
    if (deployment === 2) return weekday === 3 || (weekday === 0 && this.rng.chance(0.25));
    if (deployment === 3)
      return weekday === 0 || weekday === 2 || weekday === 4 || (weekday === 6 && this.rng.chance(0.3));
    return (
      weekday === 0 ||
      weekday === 1 ||
      weekday === 3 ||
      weekday === 5 ||
      (weekday === 6 && this.rng.chance(0.3))
    );
  }

  /** State evidence that changes when a practice level changes: owners, monitors, catalogues. */
  private adopt(levels: AxisLevels, t: number, out: Draft[]): void {
    const s = this.system;
    const prev = this.previous;
    const llmKind = s.kind !== "classical";
    const crossed = (axis: Axis, level: number) =>
      levels[axis] >= level && (prev === undefined || prev[axis] < level);

    if (crossed("governance", 2) || crossed("governance", 4)) {
      out.push(
        draft(t, "gov.owner.assigned", {
          owner: `${s.team}-ml`,
          ...(levels.governance >= 4 && { onCallRotation: `${s.team}-ml-primary` }),
        }),
      );
    }
    const signals = llmKind ? llmSignals : classicalSignals;
    for (let level = 2; level <= Math.min(4, levels.observability); level++) {
      for (const signal of signals[level] ?? []) this.configureMonitor(signal, levels.observability, t, out);
    }
    if (s.kind === "agent" && levels.observability >= 3)
      this.configureMonitor("trajectory", levels.observability, t, out);
    // At level 5 every signal alerts the on-call owner.
    if (levels.observability >= 5)
      for (const signal of this.monitors.keys()) this.configureMonitor(signal, 5, t, out);

    if (llmKind && (prev === undefined || crossed("governance", 3))) {
      const governed = levels.governance >= 3;
      const tools = ["kb-search", "create-ticket", "send-email", "refund"].slice(
        0,
        s.kind === "agent" ? 4 : 2,
      );
      out.push(
        draft(t, "llm.tool_catalog.updated", {
          tools: tools.map((name, i) => ({
            name,
            ...((governed || i === 0) && { owner: `${s.team}-ml` }),
            allowlisted: governed || i < 2,
          })),
        }),
      );
    }
    if (crossed("reproducibility", 4)) {
      out.push(
        draft(t, "data.contract.published", {
          dataset: `${s.systemId}-inputs`,
          producer: `${s.team}-data`,
          consumer: s.systemId,
        }),
      );
    }
    if (crossed("reproducibility", 5) || crossed("governance", 5)) {
      const assets = llmKind
        ? (["prompt", "embedding", "dataset"] as const)
        : (["model", "feature", "dataset"] as const);
      for (const assetType of assets) {
        out.push(
          draft(t, "catalog.asset.updated", {
            assetType,
            assetId: `${s.systemId}/${assetType}`,
            owner: `${s.team}-ml`,
            lineage: true,
            changeReviewed: true,
          }),
        );
      }
    }
    if (crossed("evaluation", 5))
      out.push(draft(t, "eval.failure_modes.documented", { count: this.rng.int(6, 20) }));
    if (crossed("governance", 5)) {
      out.push(draft(t, "gov.hitl_override.documented", { docRef: `runbooks/${s.systemId}/override.md` }));
    }
    if (llmKind && crossed("deployment", 4)) this.modelSwap(true, t, out);
  }

  private configureMonitor(signal: MonitorSignal, observability: number, t: number, out: Draft[]): void {
    // Below level 5 only the infrastructure monitor pages anyone; the ML signals sit on dashboards.
    const alerting = observability >= 5 || signal === "infra";
    if (this.monitors.get(signal) === alerting) return;
    this.monitors.set(signal, alerting);
    out.push(draft(t, "monitor.configured", { signal, alerting }));
  }

  private modelSwap(playbook: boolean, t: number, out: Draft[]): void {
    const from = this.system.model;
    out.push(
      draft(t, "deploy.model_swap.completed", {
        from,
        to: from.endsWith("-ft") ? from.slice(0, -3) : `${from}-ft`,
        playbook,
        durationHours: playbook
          ? Math.round(this.rng.between(4, 30))
          : Math.round(this.rng.between(200, 600)),
      }),
    );
  }

  /** Activity that runs on a calendar rather than per release. */
  private routine(
    levels: AxisLevels,
    day: number,
    weekday: number,
    at: (h: number) => number,
    out: Draft[],
  ): void {
    const s = this.system;
    const llmKind = s.kind !== "classical";
    const { reproducibility: repro, evaluation: evalLevel, governance, deployment } = levels;

    if (repro >= 3) {
      out.push(
        draft(at(1), "data.quality.checked", {
          dataset: llmKind ? `${s.systemId}-corpus` : `${s.systemId}-features`,
          passed: this.rng.chance(0.97),
          automated: true,
          atIngestion: true,
        }),
      );
      if (weekday === 6) this.weeklyTraining(levels, at, out);
    }
    if (!llmKind && repro >= 5 && weekday === 4 && this.lastRelease !== undefined) {
      out.push(
        draft(at(3), "registry.rebuild.verified", {
          model: s.model,
          version: this.lastRelease.version,
          durationMinutes: this.rng.int(25, 55),
          artefactMatches: true,
        }),
      );
    }
    if (llmKind && evalLevel >= 4) {
      if (weekday === 1) {
        out.push(
          draft(at(4), "eval.dataset.updated", {
            suite: `${s.systemId}-regression`,
            source: "production_sample",
            addedCases: this.rng.int(20, 200),
          }),
        );
      }
      if (weekday === 2 && this.lastRelease !== undefined) {
        out.push(
          draft(at(5), "eval.run.completed", {
            suite: `${s.systemId}-shadow`,
            release: this.lastRelease.version,
            gate: "none",
            shadow: true,
            productionSampled: true,
            judge: { kind: "llm", humanAgreement: Math.round(this.rng.between(0.8, 0.93) * 100) / 100 },
          }),
        );
      }
    }
    if (evalLevel >= 5 && weekday === 5) {
      if (llmKind) {
        const findings = this.rng.int(0, 3);
        out.push(draft(at(2), "gov.redteam.completed", { scheduled: true, findings, passed: findings < 3 }));
      }
      out.push(
        draft(at(2.5), "gov.fairness.checked", {
          dimensions: ["age", "gender", "region"],
          thresholdsDocumented: true,
          passed: this.rng.chance(0.95),
        }),
      );
    }
    if (governance >= 4 && day % 30 === 12) {
      out.push(
        draft(at(6), "gov.risk_assessment.completed", {
          ...(this.lastRelease && { changeRef: this.lastRelease.deploymentId }),
          trigger: "material_change",
          outcome: this.rng.chance(0.8) ? "accepted" : "mitigations_required",
        }),
      );
    } else if (governance >= 2 && governance < 4 && s.riskTier === "high" && day % 90 === 45) {
      out.push(draft(at(6), "gov.risk_assessment.completed", { trigger: "periodic", outcome: "accepted" }));
    }
    // Audits: hours with generated evidence (level 5), days or weeks of digging below it.
    const auditEvery = governance >= 5 ? 40 : s.riskTier === "high" ? 60 : 0;
    if (auditEvery > 0 && day % auditEvery === 20) {
      const auditId = `${s.systemId}-audit-${++this.audits}`;
      const requested = at(9);
      const hours =
        governance >= 5
          ? this.rng.between(2, 6)
          : governance >= 3
            ? this.rng.between(48, 200)
            : this.rng.between(300, 600);
      out.push(draft(requested, "gov.audit.requested", { auditId, requestedBy: "internal-audit" }));
      out.push(draft(requested + hours * hourMs, "gov.audit.delivered", { auditId }));
    }
    if (
      llmKind &&
      deployment <= 3 &&
      deployment >= 2 &&
      day === Math.floor(this.timeline.days / 2) &&
      this.rng.chance(0.3)
    ) {
      this.modelSwap(false, at(11), out);
    } else if (llmKind && deployment >= 4 && day % 60 === 30) {
      this.modelSwap(true, at(11), out);
    }
  }

  private weeklyTraining(levels: AxisLevels, at: (h: number) => number, out: Draft[]): void {
    const s = this.system;
    const trigger = levels.reproducibility >= 4 && this.rng.chance(0.4) ? "signal" : "schedule";
    if (levels.reproducibility >= 4 && s.kind === "classical") {
      out.push(
        draft(at(1.8), "ml.retrain.triggered", {
          trigger: trigger === "signal" ? "quality_signal" : "schedule",
        }),
      );
    }
    out.push(
      draft(at(2), "ci.pipeline.completed", {
        pipeline: "training",
        status: "succeeded",
        trigger,
        durationSeconds: this.rng.int(1200, 7200),
      }),
    );
    if (s.gpuQueue === undefined) return;
    const queue = s.gpuQueue;
    const jobId = `${s.systemId}-train-${this.seq}`;
    const priority = queue.endsWith("-priority");
    const gpus = this.rng.pick([1, 2, 4, 8]);
    out.push(
      draft(at(2.1), "gpu.job.admitted", {
        queue,
        jobId,
        gpus,
        waitSeconds: priority ? this.rng.int(30, 600) : this.rng.int(1800, 14_400),
        ...(priority && { priority: "batch" }),
      }),
    );
    if (priority && this.rng.chance(0.15)) out.push(draft(at(2.6), "gpu.job.preempted", { queue, jobId }));
    out.push(
      draft(at(4), "gpu.job.finished", {
        queue,
        jobId,
        gpuHours: Math.round(gpus * this.rng.between(0.5, 2) * 100) / 100,
      }),
    );
  }

  private maybeIncident(levels: AxisLevels, day: number, at: (h: number) => number, out: Draft[]): void {
    const weakest = Math.min(levels.evaluation, levels.observability);
    // Mature systems still have incidents; guarantee some so their recovery time is measured.
    const forced = levels.observability >= 4 && day % 45 === 20;
    if (!forced && !this.rng.chance(incidentRate[weakest] ?? 0)) return;
    const s = this.system;
    const incidentId = `${s.systemId}-inc-${++this.incidents}`;
    const opened = at(this.rng.between(0, 20));
    const kind = this.rng.pick(
      s.kind === "classical"
        ? (["quality_regression", "quality_regression", "outage"] as const)
        : (["quality_regression", "quality_regression", "cost", "safety", "outage"] as const),
    );
    const recent =
      this.lastRelease !== undefined &&
      opened - this.lastRelease.t < 7 * dayMs &&
      opened > this.lastRelease.t;
    // Below level 4, regressions are traced to the release that caused them (a change failure).
    const deploymentId =
      kind === "quality_regression" && recent && levels.deployment <= 3
        ? this.lastRelease?.deploymentId
        : undefined;
    if (levels.observability >= 2) {
      out.push(
        draft(opened - 0.1 * hourMs, "monitor.alert.fired", {
          signal: kind === "cost" ? "cost" : s.kind === "classical" && kind !== "outage" ? "drift" : "infra",
          severity: 2,
        }),
      );
    }
    out.push(
      draft(opened, "incident.opened", {
        incidentId,
        severity: this.rng.int(2, 4),
        kind,
        ...(deploymentId !== undefined && { deploymentId }),
      }),
    );
    const hours =
      levels.observability >= 4
        ? this.rng.between(0.25, 0.9)
        : levels.observability === 3
          ? this.rng.between(1.2, 6)
          : levels.observability === 2
            ? this.rng.between(3, 12)
            : this.rng.between(12, 60);
    out.push(draft(opened + hours * hourMs, "incident.resolved", { incidentId }));
  }

  /** Interleaves the day's (sorted) discrete events with its telemetry, which is made in time order. */
  private *mergeTelemetry(today: Draft[], observability: number, slotStart: number): Generator<DemoEvent> {
    const s = this.system;
    const calls =
      s.kind === "classical"
        ? 0
        : dailyVolume(
            s.kind === "agent" ? this.llmCallsPerDay / 2 : this.llmCallsPerDay,
            this.volumeScale,
            this.rng,
          );
    const runs = s.kind === "agent" ? dailyVolume(this.llmCallsPerDay / 4, this.volumeScale, this.rng) : 0;
    const total = calls + runs;
    let next = 0;
    for (let i = 0; i < total; i++) {
      const t = slotStart + ((i + this.rng.next()) / total) * dayMs;
      while (next < today.length && (today[next] as Draft).t <= t)
        yield envelope(this.nextId(), s.systemId, today[next++] as Draft);
      // Agents: every run is followed by the LLM calls it made (two on average).
      const isRun = runs > 0 && i % 3 === 0;
      const data = isRun ? agentRunData(s, observability, this.rng) : llmCallData(s, observability, this.rng);
      yield envelope(this.nextId(), s.systemId, {
        t,
        type: isRun ? "agent.run.completed" : "llm.call.completed",
        data,
      });
    }
    while (next < today.length) yield envelope(this.nextId(), s.systemId, today[next++] as Draft);
  }
}

function sameLevels(a: AxisLevels, b: AxisLevels): boolean {
  return (
    a.reproducibility === b.reproducibility &&
    a.evaluation === b.evaluation &&
    a.deployment === b.deployment &&
    a.observability === b.observability &&
    a.governance === b.governance
  );
}
