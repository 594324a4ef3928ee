// Builds examples/scenarios.ndjson: a small organisation whose report a reader of the article
// would recognise. Deterministic; regenerate with
//   npx tsx apps/cli/test/write-example-scenarios.ts
import type { EventData, EventType, RiskTier, SystemKind } from "@maturity/model";

export const exampleAsOf = "2026-11-24T00:00:00Z";
const asOfMs = Date.parse(exampleAsOf);
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

interface RawEvent {
  specversion: "1.0";
  id: string;
  source: string;
  type: EventType;
  time: string;
  subject: string;
  datacontenttype: "application/json";
  data: unknown;
}

const sources: Partial<Record<string, string>> = {
  catalog: "https://backstage.acme.example/catalog",
  gov: "https://grc.acme.example",
  exp: "https://mlflow.acme.example",
  registry: "https://mlflow.acme.example/registry",
  prompt: "https://github.com/acme",
  ci: "https://github.com/acme/actions",
  data: "https://dq.acme.example",
  eval: "https://evals.acme.example",
  deploy: "https://argo.acme.example",
  incident: "https://pager.acme.example",
  gpu: "https://kueue.acme.example",
  monitor: "https://grafana.acme.example",
  llm: "https://otel.acme.example",
  agent: "https://otel.acme.example",
  ml: "https://airflow.acme.example",
};

export function exampleScenarioEvents(): RawEvent[] {
  const events: RawEvent[] = [];
  let n = 0;
  const at = (daysAgo: number) => new Date(asOfMs - Math.round(daysAgo * dayMs)).toISOString();
  const emit = <T extends EventType>(type: T, subject: string, time: string, data: EventData<T>) => {
    const source = sources[type.split(".")[0] as string] ?? "https://events.acme.example";
    events.push({
      specversion: "1.0",
      id: `evt-${String(++n).padStart(5, "0")}`,
      source,
      type,
      time,
      subject,
      datacontenttype: "application/json",
      data,
    });
  };
  const register = (
    id: string,
    name: string,
    team: string,
    kind: SystemKind,
    riskTier: RiskTier,
    extra = {},
  ) => emit("catalog.system.registered", id, at(300), { name, team, kind, riskTier, ...extra });
  /** Calls `make(daysAgo, index)` `perWeek` times a week for `weeks` weeks back from asOf. */
  const cadence = (weeks: number, perWeek: number, make: (daysAgo: number, i: number) => void) => {
    let i = 0;
    for (let w = 0; w < weeks; w++)
      for (let k = 0; k < perWeek; k++) make(w * 7 + 1 + (k * 7) / perWeek / 1.2, i++);
  };

  // ── risk/fraud-scoring: a mature classical system, level 4 on deployment, level 3 elsewhere.
  const fraud = "fraud-scoring";
  register(fraud, "Fraud scoring", "risk", "classical", "high", {
    sources: { gpuQueues: ["risk-training"] },
  });
  emit("gpu.queue.configured", "risk-training", at(250), { policy: "fair_share", preemption: true });
  emit("gov.owner.assigned", fraud, at(290), { owner: "risk-ml", onCallRotation: "risk-ml-primary" });
  for (const signal of ["infra", "drift", "gold_panel", "prediction_distribution", "latency"] as const)
    emit("monitor.configured", fraud, at(280), { signal, alerting: true });
  emit("data.contract.published", fraud, at(200), {
    dataset: "transactions",
    producer: "payments",
    consumer: fraud,
  });
  emit("gov.hitl_override.documented", fraud, at(150), { docRef: "runbooks/fraud-override.md" });
  cadence(13, 3, (d, i) => {
    const version = `fraud-v${300 - i}`;
    emit("exp.run.logged", fraud, at(d + 1), {
      runId: `run-${version}`,
      tracker: "mlflow",
      codeVersion: "git",
      dataVersion: "dvc",
    });
    emit("registry.model_version.registered", fraud, at(d + 0.9), {
      model: "fraud-xgb",
      version,
      runId: `run-${version}`,
      codeVersion: "git",
      dataVersion: "dvc",
    });
    emit("ci.pipeline.completed", fraud, at(d + 0.8), {
      pipeline: "build",
      status: "succeeded",
      trigger: "push",
    });
    emit("ci.pipeline.completed", fraud, at(d + 0.7), {
      pipeline: "evaluation",
      status: "succeeded",
      trigger: "push",
    });
    emit("eval.run.completed", fraud, at(d + 0.6), {
      suite: "fraud-regression",
      modelVersion: version,
      gate: "passed",
      scores: { auc: 0.94 },
    });
    emit("gov.change.reviewed", fraud, at(d + 0.5), {
      changeRef: `dep-${version}`,
      reviewer: "risk-lead",
      approved: true,
    });
    emit("deploy.completed", fraud, at(d), {
      deploymentId: `dep-${version}`,
      version,
      environment: "production",
      strategy: "canary",
      gatedByEval: true,
      automated: true,
      changeRequestedAt: at(d + 0.5),
      status: "succeeded",
    });
    emit("deploy.traffic.shifted", fraud, at(d - 0.1), {
      deploymentId: `dep-${version}`,
      percent: 50,
      byPolicy: true,
    });
    if (i % 3 === 0) {
      emit("ci.pipeline.completed", fraud, at(d + 2), {
        pipeline: "training",
        status: "succeeded",
        trigger: "schedule",
      });
      emit("data.quality.checked", fraud, at(d + 2), {
        dataset: "transactions",
        passed: true,
        automated: true,
        atIngestion: true,
      });
      emit("gpu.job.admitted", fraud, at(d + 2), {
        queue: "risk-training",
        jobId: `job-${i}`,
        gpus: 4,
        waitSeconds: 120,
      });
      emit("ml.retrain.triggered", fraud, at(d + 2), { trigger: "schedule" });
    }
  });
  emit("deploy.rolled_back", fraud, at(10), {
    deploymentId: "dep-fraud-v273",
    automatic: true,
    reason: "auc drop",
  });
  emit("incident.opened", fraud, at(40), { incidentId: "INC-101", severity: 3, kind: "quality_regression" });
  emit("incident.resolved", fraud, at(40 - 0.5 / 24), { incidentId: "INC-101" });
  emit("gov.risk_assessment.completed", fraud, at(60), {
    trigger: "material_change",
    outcome: "accepted",
    changeRef: "dep-fraud-v280",
  });

  // ── risk/credit-limits: level 2 on every axis — tracked, versioned, weekly, evaluated, owned.
  const credit = "credit-limits";
  register(credit, "Credit limits", "risk", "classical", "limited");
  emit("gov.owner.assigned", credit, at(280), { owner: "credit-ml" });
  emit("monitor.configured", credit, at(280), { signal: "infra", alerting: false });
  cadence(13, 1, (d, i) => {
    const version = `credit-v${100 - i}`;
    emit("exp.run.logged", credit, at(d + 1), { runId: `run-${version}`, tracker: "mlflow" });
    emit("registry.model_version.registered", credit, at(d + 0.9), {
      model: "credit-glm",
      version,
      codeVersion: "git",
      dataVersion: "snap",
    });
    emit("eval.run.completed", credit, at(d + 0.5), {
      suite: "credit-backtest",
      modelVersion: version,
      gate: "none",
    });
    emit("deploy.completed", credit, at(d), {
      deploymentId: `dep-${version}`,
      version,
      environment: "production",
      strategy: "scripted",
      gatedByEval: false,
      automated: false,
      changeRequestedAt: at(d + 12),
      status: "succeeded",
    });
  });

  // ── growth/pricing: ships canaries several times a week but never evaluates them.
  const pricing = "dynamic-pricing";
  register(pricing, "Dynamic pricing", "growth", "classical", "high");
  emit("gov.owner.assigned", pricing, at(200), { owner: "growth-eng" });
  emit("monitor.configured", pricing, at(200), { signal: "infra", alerting: true });
  cadence(13, 4, (d, i) => {
    const version = `pricing-${500 - i}`;
    emit("exp.run.logged", pricing, at(d + 1), { runId: `run-${version}`, tracker: "wandb" });
    emit("deploy.completed", pricing, at(d), {
      deploymentId: `dep-${version}`,
      version,
      environment: "production",
      strategy: "canary",
      gatedByEval: false,
      automated: true,
      changeRequestedAt: at(d + 0.3),
      status: "succeeded",
    });
    if (i % 4 === 1)
      emit("deploy.rolled_back", pricing, at(d - 0.5), {
        deploymentId: `dep-${version}`,
        automatic: false,
        reason: "margin drop",
      });
  });
  emit("incident.opened", pricing, at(12), {
    incidentId: "INC-207",
    severity: 2,
    kind: "quality_regression",
    deploymentId: "dep-pricing-494",
  });
  emit("incident.resolved", pricing, at(11.7), { incidentId: "INC-207" });

  // ── search/ranker: classical at level 2, with a gated regression suite on its way to level 3.
  const ranker = "search-ranker";
  register(ranker, "Search ranker", "search", "classical", "limited");
  emit("gov.owner.assigned", ranker, at(250), { owner: "search-ml" });
  emit("monitor.configured", ranker, at(250), { signal: "infra", alerting: true });
  emit("monitor.configured", ranker, at(250), { signal: "drift", alerting: true });
  cadence(13, 2, (d, i) => {
    const version = `ranker-${200 - i}`;
    emit("exp.run.logged", ranker, at(d + 1), { runId: `run-${version}`, tracker: "mlflow" });
    emit("registry.model_version.registered", ranker, at(d + 0.9), {
      model: "ltr",
      version,
      codeVersion: "git",
      dataVersion: "clicks",
    });
    emit("ci.pipeline.completed", ranker, at(d + 0.7), {
      pipeline: "evaluation",
      status: "succeeded",
      trigger: "push",
    });
    emit("eval.run.completed", ranker, at(d + 0.6), {
      suite: "ndcg-regression",
      modelVersion: version,
      gate: "passed",
    });
    emit("deploy.completed", ranker, at(d), {
      deploymentId: `dep-${version}`,
      version,
      environment: "production",
      strategy: "scripted",
      gatedByEval: true,
      automated: true,
      changeRequestedAt: at(d + 2),
      status: "succeeded",
    });
  });

  // ── search/answers: an LLM feature on the same team, still at level 1–2.
  const answers = "search-answers";
  register(answers, "Search answers", "search", "llm", "high");
  emit("prompt.version.committed", answers, at(90), { promptId: "answer", version: "7" });
  cadence(13, 1, (d, i) => {
    emit("deploy.completed", answers, at(d), {
      deploymentId: `dep-answers-${i}`,
      version: `answers-${i}`,
      environment: "production",
      strategy: "manual",
      gatedByEval: false,
      automated: false,
      status: "succeeded",
    });
  });
  for (let day = 1; day <= 40; day++)
    for (let k = 0; k < 3; k++)
      emit("llm.call.completed", answers, at(day + k * 0.2), {
        ...(k < 2 && { feature: "answer-box" }),
        model: "gpt-4.1-mini",
        provider: "openai",
        inputTokens: 1200,
        outputTokens: 200,
        latencyMs: 800 + k * 100,
        status: "ok",
        ...(k !== 1 && { costUsd: 0.03 }),
      });

  // ── support/assistant: an LLM system doing most of level 2 and part of level 3.
  const assistant = "support-assistant";
  register(assistant, "Support assistant", "support", "llm", "limited");
  emit("gov.owner.assigned", assistant, at(200), { owner: "support-eng" });
  emit("monitor.configured", assistant, at(200), { signal: "infra", alerting: true });
  emit("monitor.configured", assistant, at(200), { signal: "cost", alerting: true });
  emit("prompt.version.committed", assistant, at(100), {
    promptId: "system",
    version: "12",
    commitSha: "9f1c2ab",
  });
  emit("llm.tool_catalog.updated", assistant, at(100), {
    tools: [
      { name: "kb-search", owner: "support-eng", allowlisted: true },
      { name: "refund", allowlisted: false },
    ],
  });
  cadence(13, 1, (d, i) => {
    const version = `assistant-${i}`;
    emit("exp.run.logged", assistant, at(d + 1), { runId: `prompt-exp-${i}`, tracker: "langfuse" });
    emit("eval.run.completed", assistant, at(d + 0.5), {
      suite: "support-golden",
      release: version,
      gate: i % 2 === 0 ? "passed" : "none",
      judge: { kind: "llm", humanAgreement: 0.86 },
    });
    emit("deploy.completed", assistant, at(d), {
      deploymentId: `dep-${version}`,
      version,
      environment: "production",
      strategy: "scripted",
      gatedByEval: i % 2 === 0,
      automated: true,
      changeRequestedAt: at(d + 3),
      status: "succeeded",
    });
  });
  for (let day = 1; day <= 40; day++)
    emit("llm.call.completed", assistant, at(day), {
      feature: "ticket-reply",
      model: "claude",
      inputTokens: 900,
      outputTokens: 300,
      latencyMs: 1400,
      status: "ok",
      costUsd: 0.02,
    });

  // ── support/triage-agent: an agent with telemetry and little else.
  const triage = "triage-agent";
  register(triage, "Ticket triage agent", "support", "agent", "high");
  for (let day = 1; day <= 30; day++)
    emit("agent.run.completed", triage, at(day), {
      feature: "triage",
      steps: 6,
      toolCalls: 4,
      retries: day % 5 === 0 ? 2 : 0,
      terminatedCorrectly: day % 7 !== 0,
      latencyMs: 9000,
      costUsd: 0.12,
    });

  // ── a retired system: kept in the report, out of rollups and risks.
  const churn = "legacy-churn";
  register(churn, "Legacy churn model", "growth", "classical", "minimal");
  emit("catalog.system.retired", churn, at(60), {});

  return events.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : 1));
}

export function exampleScenariosNdjson(): string {
  return exampleScenarioEvents()
    .map((e) => JSON.stringify(e))
    .join("\n")
    .concat("\n");
}
