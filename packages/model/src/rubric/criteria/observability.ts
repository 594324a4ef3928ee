import { allKinds, euAiAct, iso42001, llmKinds, nistRmf } from "../clauses.ts";
import type { CriterionInput } from "../schema.ts";

export const observabilityCriteria: CriterionInput[] = [
  {
    id: "observability.l2.infra-metrics",
    axis: "observability",
    level: 2,
    title: "Infrastructure metrics are monitored",
    appliesTo: [...allKinds],
    degree: { rule: "covers", of: "monitors", field: "signal", values: ["infra"] },
    evidence: "state",
    regulations: [euAiAct(12), nistRmf("MS 2.4"), iso42001("A.6.2.6")],
    explanation:
      "Looks for a monitor on latency, errors and throughput of the serving stack. Put the system on the platform's standard infrastructure dashboards.",
  },
  {
    id: "observability.l3.model-monitoring",
    axis: "observability",
    level: 3,
    title: "Drift, gold-panel and prediction-distribution monitoring",
    appliesTo: ["classical"],
    degree: {
      rule: "covers",
      of: "monitors",
      field: "signal",
      values: ["drift", "gold_panel", "prediction_distribution"],
    },
    evidence: "state",
    regulations: [euAiAct(15), euAiAct(72), nistRmf("MS 2.4"), iso42001("A.6.2.6")],
    explanation:
      "Share of the three basic model signals (input drift, accuracy on a gold panel, prediction distribution) that have a monitor. Wire all three into the platform's observability stack.",
  },
  {
    id: "observability.l3.request-cost-latency",
    axis: "observability",
    level: 3,
    title: "Per-request cost and latency telemetry",
    appliesTo: [...llmKinds],
    degree: { rule: "share", of: "llmCalls", that: { hasCost: true } },
    evidence: "activity",
    regulations: [euAiAct(12), nistRmf("MS 2.4"), iso42001("A.6.2.8")],
    explanation:
      "Share of LLM calls in the window reported with their cost (latency is always reported). Emit a span per request with tokens, cost and latency into the shared telemetry.",
  },
  {
    id: "observability.l3.trajectory-metrics",
    axis: "observability",
    level: 3,
    title: "Per-step trajectory metrics",
    appliesTo: ["agent"],
    degree: { rule: "share", of: "agentRuns", that: { terminationRecorded: true } },
    evidence: "activity",
    regulations: [euAiAct(12), nistRmf("MS 2.9"), iso42001("A.6.2.8")],
    explanation:
      "Share of agent runs reported with steps, tool calls, retries and whether they stopped correctly. Record every run's trajectory so the agent can be debugged in production.",
  },
  {
    id: "observability.l4.training-serving-skew",
    axis: "observability",
    level: 4,
    title: "Training–serving skew is monitored",
    appliesTo: ["classical"],
    degree: { rule: "covers", of: "monitors", field: "signal", values: ["training_serving_skew"] },
    evidence: "state",
    regulations: [euAiAct(15), nistRmf("MS 2.4"), iso42001("A.6.2.6")],
    explanation:
      "Looks for a monitor comparing features at training time with features at serving time. Treat skew as a first-class metric with its own alert.",
  },
  {
    id: "observability.l4.spend-attributed",
    axis: "observability",
    level: 4,
    title: "At least 90% of LLM spend is attributed to a feature",
    appliesTo: [...llmKinds],
    threshold: 1,
    degree: { rule: "metric", metric: "attributedCostShare", op: "atLeast", value: 0.9 },
    evidence: "activity",
    regulations: [nistRmf("MG 2.1"), iso42001("A.4.2")],
    explanation:
      "Share of LLM spend in the window tagged with the product feature that caused it. Tag every call with its feature so product managers can see cost per feature.",
  },
  {
    id: "observability.l4.tail-latency",
    axis: "observability",
    level: 4,
    title: "p95/p99 latency is tracked",
    appliesTo: [...allKinds],
    degree: { rule: "covers", of: "monitors", field: "signal", values: ["latency"] },
    evidence: "state",
    regulations: [euAiAct(15), nistRmf("MS 2.4"), iso42001("A.6.2.6")],
    explanation:
      "Looks for a dedicated latency monitor on tail percentiles. Track p95 and p99, not only the average.",
  },
  {
    id: "observability.l4.recovery-under-hour",
    axis: "observability",
    level: 4,
    title: "Recovery in under an hour",
    appliesTo: [...allKinds],
    threshold: 1,
    degree: { rule: "metric", metric: "recoveryP50Hours", op: "below", value: 1 },
    evidence: "state",
    regulations: [euAiAct(73), nistRmf("MG 4.3"), iso42001("A.8.4")],
    explanation:
      "The median time from an incident opening to its resolution, over the resolved incidents so far, is under an hour. Automatic rollback and clear runbooks are how it gets there.",
  },
  {
    id: "observability.l5.alerts-to-on-call",
    axis: "observability",
    level: 5,
    title: "Every monitored signal alerts an on-call owner",
    appliesTo: [...allKinds],
    degree: {
      rule: "all",
      rules: [
        { rule: "share", of: "monitors", that: { alerting: true } },
        { rule: "present", of: "owners", that: { hasOnCall: true } },
      ],
    },
    evidence: "state",
    regulations: [euAiAct(14), euAiAct(72), nistRmf("MG 4.1"), iso42001("A.6.2.6")],
    explanation:
      "Share of configured monitors that alert, provided the system has an on-call rotation to receive them. Route every signal's alert to the rotation.",
  },
];
