import { allKinds, euAiAct, iso42001, llmKinds, nistRmf } from "../clauses.ts";
import type { CriterionInput } from "../schema.ts";

export const evaluationCriteria: CriterionInput[] = [
  {
    id: "evaluation.l2.results-recorded",
    axis: "evaluation",
    level: 2,
    title: "Releases have recorded evaluation results",
    appliesTo: [...allKinds],
    degree: { rule: "share", of: "productionDeploys", that: { evaluated: true } },
    evidence: "activity",
    regulations: [euAiAct(15), nistRmf("MS 2.3"), iso42001("A.6.2.4")],
    explanation:
      "Share of production deploys whose version or release had an evaluation run recorded before it went out. Record an evaluation for every release instead of relying on spot checks.",
  },
  {
    id: "evaluation.l3.regression-suite-gated",
    axis: "evaluation",
    level: 3,
    title: "A regression suite with a quality gate runs on every release",
    appliesTo: [...allKinds],
    degree: { rule: "share", of: "productionDeploys", that: { gate: ["passed", "failed"] } },
    evidence: "activity",
    regulations: [euAiAct(9), euAiAct(15), nistRmf("MS 2.5"), iso42001("A.6.2.4")],
    explanation:
      "Share of production deploys whose version went through an evaluation with a pass/fail gate first. Build the regression suite, give it thresholds, and run it for every release.",
  },
  {
    id: "evaluation.l3.suite-in-ci",
    axis: "evaluation",
    level: 3,
    title: "The evaluation suite runs in CI",
    appliesTo: [...allKinds],
    degree: {
      rule: "present",
      of: "pipelineRuns",
      that: { pipeline: "evaluation", trigger: ["push", "schedule", "signal"] },
    },
    evidence: "activity",
    regulations: [euAiAct(15), nistRmf("MS 2.3"), iso42001("A.6.2.4")],
    explanation:
      "Looks for evaluation pipeline runs started by CI rather than by hand. Wire the regression suite into the CI pipeline.",
  },
  {
    id: "evaluation.l3.judges-calibrated",
    axis: "evaluation",
    level: 3,
    title: "LLM judges are calibrated against people",
    appliesTo: [...llmKinds],
    degree: { rule: "share", of: "evalRuns", that: { judgeCalibrated: true } },
    evidence: "activity",
    regulations: [euAiAct(15), nistRmf("MS 2.5"), iso42001("A.6.2.4")],
    explanation:
      "Share of evaluation runs that either use no LLM judge or record the judge's agreement with human raters. Measure each judge against human labels before trusting it.",
  },
  {
    id: "evaluation.l4.failed-gates-block",
    axis: "evaluation",
    level: 4,
    title: "Only releases that passed the gate reach production",
    appliesTo: [...allKinds],
    degree: { rule: "share", of: "productionDeploys", that: { gate: "passed" } },
    evidence: "activity",
    regulations: [euAiAct(9), euAiAct(15), nistRmf("MG 2.3"), iso42001("A.6.2.5")],
    explanation:
      "Share of production deploys whose latest evaluation gate before release passed. Make a failed gate stop the promotion instead of producing a warning.",
  },
  {
    id: "evaluation.l4.production-samples-weekly",
    axis: "evaluation",
    level: 4,
    title: "Production samples feed the regression set every week",
    appliesTo: [...llmKinds],
    degree: {
      rule: "cadence",
      of: "evalDatasetUpdates",
      where: { source: "production_sample", addedCases: { atLeast: 1 } },
      perWeek: 1,
    },
    evidence: "activity",
    regulations: [euAiAct(72), nistRmf("MS 2.4"), iso42001("A.6.2.6")],
    explanation:
      "Share of weeks in the window in which sampled production inputs were added to the regression set. Sample live traffic into the suite at least once a week.",
  },
  {
    id: "evaluation.l4.shadow-evaluation",
    axis: "evaluation",
    level: 4,
    title: "Shadow evaluation on live traffic",
    appliesTo: [...llmKinds],
    degree: { rule: "present", of: "evalRuns", that: { shadow: true } },
    evidence: "activity",
    regulations: [euAiAct(72), nistRmf("MS 2.4"), iso42001("A.6.2.6")],
    explanation:
      "Looks for evaluation runs in shadow mode on live traffic. Run candidates beside the live system so regressions show before users see them.",
  },
  {
    id: "evaluation.l4.trajectory-in-gate",
    axis: "evaluation",
    level: 4,
    title: "Trajectory quality is part of the gate",
    appliesTo: ["agent"],
    degree: {
      rule: "share",
      of: "evalRuns",
      where: { gate: ["passed", "failed"] },
      that: { trajectoryScored: true },
    },
    evidence: "activity",
    regulations: [euAiAct(15), nistRmf("MS 2.5"), iso42001("A.6.2.4")],
    explanation:
      "Share of gated evaluation runs that score the agent's trajectory (steps, tool calls, retries, termination). Add trajectory scores to the gate so a longer or looping agent blocks promotion.",
  },
  {
    id: "evaluation.l5.redteam-scheduled",
    axis: "evaluation",
    level: 5,
    title: "Automated red-teaming on a schedule",
    appliesTo: [...llmKinds],
    degree: { rule: "present", of: "redteamRuns", that: { scheduled: true } },
    evidence: "activity",
    regulations: [euAiAct(9), euAiAct(15), nistRmf("MS 2.7"), iso42001("A.6.2.4")],
    explanation:
      "Looks for scheduled, automated red-team runs in the window. Keep adversarial testing running on a schedule, not only before launch.",
  },
  {
    id: "evaluation.l5.fairness-thresholds",
    axis: "evaluation",
    level: 5,
    title: "Fairness checks with documented thresholds",
    appliesTo: [...allKinds],
    degree: { rule: "share", of: "fairnessChecks", that: { thresholdsDocumented: true } },
    evidence: "activity",
    regulations: [euAiAct(10), euAiAct(15), nistRmf("MS 2.11"), iso42001("A.7.4")],
    explanation:
      "Share of automated fairness and bias checks in the window whose thresholds are documented. Monitor the protected dimensions continuously against written limits.",
  },
  {
    id: "evaluation.l5.failure-mode-catalogue",
    axis: "evaluation",
    level: 5,
    title: "A failure-mode catalogue is kept",
    appliesTo: [...allKinds],
    degree: { rule: "present", of: "failureModeCatalogues", that: { count: { atLeast: 1 } } },
    evidence: "state",
    regulations: [euAiAct(9), nistRmf("MS 3.1"), iso42001("A.6.2.7")],
    explanation:
      "Looks for a documented catalogue of the ways the system is known to fail. Write the failure modes down and keep tests for each.",
  },
];
