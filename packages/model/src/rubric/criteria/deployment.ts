import { allKinds, euAiAct, iso42001, llmKinds, nistRmf } from "../clauses.ts";
import type { CriterionInput } from "../schema.ts";

export const deploymentCriteria: CriterionInput[] = [
  {
    id: "deployment.l2.weekly-deploys",
    axis: "deployment",
    level: 2,
    title: "Predictable deploys, at least weekly",
    appliesTo: [...allKinds],
    degree: { rule: "cadence", of: "productionDeploys", perWeek: 1 },
    evidence: "activity",
    regulations: [nistRmf("MG 2.3"), iso42001("A.6.2.5")],
    explanation:
      "Share of weeks in the window with at least one production deploy. Ship on a steady weekly rhythm from a runbook, not whenever someone finds time.",
  },
  {
    id: "deployment.l3.several-deploys-weekly",
    axis: "deployment",
    level: 3,
    title: "Several deploys a week",
    appliesTo: [...allKinds],
    degree: { rule: "cadence", of: "productionDeploys", perWeek: 3 },
    evidence: "activity",
    regulations: [nistRmf("MG 2.3"), iso42001("A.6.2.5")],
    explanation:
      "Share of weeks in the window with three or more production deploys. Make releases small and routine enough to go out several times a week.",
  },
  {
    id: "deployment.l3.canary-or-shadow",
    axis: "deployment",
    level: 3,
    title: "Canary or shadow releases are the norm",
    appliesTo: [...allKinds],
    degree: { rule: "share", of: "productionDeploys", that: { strategy: ["canary", "shadow"] } },
    evidence: "activity",
    regulations: [euAiAct(15), nistRmf("MG 2.4"), iso42001("A.6.2.5")],
    explanation:
      "Share of production deploys released as a canary or in shadow. Expose every new version to a slice of traffic, or none, before it takes all of it.",
  },
  {
    id: "deployment.l4.promotions-gated",
    axis: "deployment",
    level: 4,
    title: "Promotions are gated on evaluation",
    appliesTo: [...allKinds],
    degree: { rule: "share", of: "productionDeploys", that: { gatedByEval: true } },
    evidence: "activity",
    regulations: [euAiAct(9), euAiAct(15), nistRmf("MG 2.3"), iso42001("A.6.2.5")],
    explanation:
      "Share of production deploys that the pipeline let through only after an evaluation gate. Make the deploy job itself require the gate.",
  },
  {
    id: "deployment.l4.ramp-by-policy",
    axis: "deployment",
    level: 4,
    title: "Canary ramp-up follows a policy",
    appliesTo: [...allKinds],
    degree: { rule: "share", of: "trafficShifts", that: { byPolicy: true } },
    evidence: "activity",
    regulations: [euAiAct(15), nistRmf("MG 2.4"), iso42001("A.6.2.5")],
    explanation:
      "Share of traffic shifts made by a policy on success metrics rather than by hand. Let the rollout controller ramp traffic up as the canary stays healthy.",
  },
  {
    id: "deployment.l4.automatic-rollback",
    axis: "deployment",
    level: 4,
    title: "Rollback is automatic",
    appliesTo: [...allKinds],
    degree: { rule: "share", of: "rollbacks", that: { automatic: true } },
    evidence: "state",
    regulations: [euAiAct(15), nistRmf("MG 2.4"), iso42001("A.6.2.6")],
    explanation:
      "Share of the system's rollbacks so far that fired automatically on an anomaly threshold. Configure rollback to trigger itself; a person should not be the trigger.",
  },
  {
    id: "deployment.l4.gpu-queueing",
    axis: "deployment",
    level: 4,
    title: "GPU work goes through a real queue",
    appliesTo: ["classical"],
    degree: {
      rule: "share",
      of: "gpuQueues",
      that: { policy: ["fair_share", "priority"], preemption: true },
    },
    evidence: "state",
    regulations: [nistRmf("MG 2.1"), iso42001("A.4.4")],
    explanation:
      "Share of the GPU queues the system uses that schedule by fair share or priority, with pre-emption. Replace first-come-first-served GPU allocation with a scheduler that has these policies.",
  },
  {
    id: "deployment.l4.model-swap-playbook",
    axis: "deployment",
    level: 4,
    title: "Model swaps follow a playbook",
    appliesTo: [...llmKinds],
    degree: {
      rule: "share",
      of: "modelSwaps",
      that: { playbook: true, durationHours: { atMost: 168 } },
    },
    evidence: "state",
    regulations: [nistRmf("MG 3.1"), iso42001("A.10.3")],
    explanation:
      "Share of model swaps so far done from a documented playbook within a week. Write the provider or model swap procedure down and rehearse it, so it is routine work and not a project.",
  },
  {
    id: "deployment.l4.change-failure-below-10",
    axis: "deployment",
    level: 4,
    title: "Change failure rate below 10%",
    appliesTo: [...allKinds],
    threshold: 1,
    degree: { rule: "metric", metric: "changeFailureRate", op: "below", value: 0.1 },
    evidence: "activity",
    regulations: [euAiAct(15), euAiAct(72), nistRmf("MS 2.4"), iso42001("A.6.2.6")],
    explanation:
      "Fewer than one in ten production deploys in the window is rolled back or tied to an incident. Gates that catch regressions before release are what bring it down.",
  },
  {
    id: "deployment.l4.lead-time-hours",
    axis: "deployment",
    level: 4,
    title: "Lead time for a change is hours, not weeks",
    appliesTo: [...allKinds],
    threshold: 1,
    degree: { rule: "metric", metric: "leadTimeP50Hours", op: "atMost", value: 24 },
    evidence: "activity",
    regulations: [nistRmf("MG 2.3"), iso42001("A.6.2.5")],
    explanation:
      "The median time from a change being requested to it running in production is a day or less. Automate the path from request to release so nothing waits on hand-offs.",
  },
  {
    id: "deployment.l5.changes-reviewed-and-assessed",
    axis: "deployment",
    level: 5,
    title: "Every production change is reviewed and risk-assessed",
    appliesTo: [...allKinds],
    degree: { rule: "share", of: "productionDeploys", that: { reviewed: true, riskAssessed: true } },
    evidence: "activity",
    regulations: [euAiAct(9), euAiAct(12), nistRmf("GV 1.4"), iso42001("A.5.2")],
    explanation:
      "Share of production deploys named by both an approved change review and a risk assessment. Make review and assessment steps of the release pipeline that reference the deployment.",
  },
];
