// Deterministic synthetic organisation for the benchmark: a seeded PRNG, a realistic mix of
// event types per system kind, times spread over the half year before asOf.
import type { EventData, EventType, MaturityEvent, SystemKind } from "@maturity/model";

/** mulberry32: small, fast, good enough for synthetic data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dayMs = 86_400_000;
const spanDays = 180;

export function systemEvents(index: number, eventsPerSystem: number, asOf: number): MaturityEvent[] {
  const rand = prng(index * 7919 + 17);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const chance = (p: number) => rand() < p;
  const subject = `sys-${index}`;
  const kind: SystemKind = index % 20 < 10 ? "classical" : index % 20 < 17 ? "llm" : "agent";
  const maturity = rand(); // how disciplined this system's team is
  const events: MaturityEvent[] = [];
  let n = 0;
  const time = () => new Date(asOf - Math.floor(rand() * spanDays * dayMs)).toISOString();
  const emit = <T extends EventType>(type: T, t: string, data: EventData<T>) => {
    events.push({
      specversion: "1.0",
      id: `${index.toString(36)}-${(n++).toString(36)}`,
      source: "bench",
      type,
      time: t,
      subject,
      data,
    } as MaturityEvent);
  };
  const start = new Date(asOf - (spanDays + 10) * dayMs).toISOString();
  emit("catalog.system.registered", start, {
    name: subject,
    team: `team-${index % 250}`,
    kind,
    riskTier: pick(["minimal", "limited", "high"] as const),
    sources: { gpuQueues: [`queue-${index % 8}`] },
  });
  emit("gov.owner.assigned", start, { owner: "o", ...(chance(maturity) && { onCallRotation: "r" }) });
  for (const signal of ["infra", "drift", "gold_panel", "latency"] as const)
    if (chance(maturity + 0.2)) emit("monitor.configured", start, { signal, alerting: chance(maturity) });
  if (kind !== "classical")
    emit("prompt.version.committed", time(), { promptId: "p", version: "1", commitSha: "c" });

  const versions: string[] = [];
  while (events.length < eventsPerSystem) {
    const r = rand();
    const t = time();
    if (kind !== "classical" && r < 0.6) {
      // High-volume telemetry dominates LLM and agent systems.
      if (kind === "agent" && r < 0.3)
        emit("agent.run.completed", t, {
          feature: pick(["triage", "search", "refund"]),
          steps: 3 + Math.floor(rand() * 8),
          toolCalls: Math.floor(rand() * 5),
          retries: chance(0.1) ? 1 : 0,
          terminatedCorrectly: chance(0.9),
          latencyMs: 2000 + Math.floor(rand() * 8000),
          costUsd: Math.round(rand() * 100) / 1000,
        });
      else
        emit("llm.call.completed", t, {
          ...(chance(0.85) && { feature: pick(["chat", "summary", "search", "draft"]) }),
          model: "m",
          inputTokens: 500,
          outputTokens: 120,
          latencyMs: 300 + Math.floor(rand() * 2000),
          status: chance(0.02) ? "error" : "ok",
          ...(chance(0.9) && { costUsd: Math.round(rand() * 50) / 1000 }),
        });
    } else if (r < 0.7) {
      emit("ci.pipeline.completed", t, {
        pipeline: pick(["training", "evaluation", "build", "data_quality"] as const),
        status: chance(0.9) ? "succeeded" : "failed",
        trigger: chance(maturity) ? "schedule" : "manual",
      });
    } else if (r < 0.76) {
      const version = `v${versions.length}`;
      versions.push(version);
      emit("exp.run.logged", t, { runId: version, tracker: "mlflow" });
      emit("registry.model_version.registered", t, {
        model: "m",
        version,
        codeVersion: "c",
        ...(chance(maturity) && { dataVersion: "d" }),
      });
      if (chance(maturity))
        emit("eval.run.completed", t, { suite: "s", modelVersion: version, gate: "passed" });
    } else if (r < 0.84) {
      const version = versions.length > 0 ? pick(versions) : "v0";
      const deploymentId = `d${n}`;
      emit("deploy.completed", t, {
        deploymentId,
        version,
        environment: chance(0.8) ? "production" : "staging",
        strategy: chance(maturity) ? "canary" : "scripted",
        gatedByEval: chance(maturity),
        automated: chance(maturity),
        changeRequestedAt: new Date(Date.parse(t) - Math.floor(rand() * 200) * 3_600_000).toISOString(),
        status: chance(0.95) ? "succeeded" : "failed",
      });
      if (chance(0.15)) emit("deploy.rolled_back", t, { deploymentId, automatic: chance(maturity) });
      if (chance(maturity))
        emit("gov.change.reviewed", t, { changeRef: deploymentId, reviewer: "r", approved: true });
    } else if (r < 0.9) {
      emit("gpu.job.admitted", t, { queue: `queue-${index % 8}`, jobId: `j${n}`, gpus: 1, waitSeconds: 30 });
    } else if (r < 0.95) {
      emit("data.quality.checked", t, {
        dataset: "ds",
        passed: true,
        automated: chance(maturity),
        atIngestion: true,
      });
    } else if (r < 0.97) {
      const incidentId = `i${n}`;
      emit("incident.opened", t, { incidentId, severity: 3, kind: "outage" });
      if (chance(0.9))
        emit(
          "incident.resolved",
          new Date(Date.parse(t) + Math.floor(rand() * 6) * 3_600_000).toISOString(),
          {
            incidentId,
          },
        );
    } else {
      emit("eval.dataset.updated", t, { suite: "s", source: "production_sample", addedCases: 10 });
    }
  }
  events.length = eventsPerSystem;
  // Arrival roughly in time order, as a consumer would see it.
  return events.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

export function queueEvents(asOf: number): MaturityEvent[] {
  return Array.from(
    { length: 8 },
    (_, i) =>
      ({
        specversion: "1.0",
        id: `queue-${i}`,
        source: "bench",
        type: "gpu.queue.configured",
        time: new Date(asOf - 200 * dayMs).toISOString(),
        subject: `queue-${i}`,
        data: { policy: i % 2 === 0 ? "fair_share" : "fifo", preemption: i % 4 === 0 },
      }) as MaturityEvent,
  );
}
