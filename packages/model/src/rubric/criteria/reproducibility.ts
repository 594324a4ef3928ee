import { allKinds, euAiAct, iso42001, llmKinds, nistRmf } from "../clauses.ts";
import type { CriterionInput } from "../schema.ts";

export const reproducibilityCriteria: CriterionInput[] = [
  {
    id: "reproducibility.l2.runs-tracked",
    axis: "reproducibility",
    level: 2,
    title: "Experiments are tracked",
    appliesTo: [...allKinds],
    degree: { rule: "present", of: "experimentRuns" },
    evidence: "activity",
    regulations: [euAiAct(12), nistRmf("MS 2.1"), iso42001("A.6.2.3")],
    explanation:
      "Looks for experiment runs logged to a tracking tool in the window. Log every training or prompt experiment to one shared tracker instead of notebooks and spreadsheets.",
  },
  {
    id: "reproducibility.l2.versions-pinned",
    axis: "reproducibility",
    level: 2,
    title: "Model versions record their code and data versions",
    appliesTo: ["classical"],
    degree: { rule: "share", of: "modelVersions", that: { hasCodeVersion: true, hasDataVersion: true } },
    evidence: "activity",
    regulations: [euAiAct(10), euAiAct(11), nistRmf("MS 2.1"), iso42001("A.7.5")],
    explanation:
      "Share of model versions registered in the window that name both the code version and the data version they were built from. Record both in the registry entry of every version.",
  },
  {
    id: "reproducibility.l2.registry-source-of-truth",
    axis: "reproducibility",
    level: 2,
    title: "The registry knows what runs in production",
    appliesTo: ["classical"],
    degree: { rule: "share", of: "productionDeploys", that: { inRegistry: true } },
    evidence: "activity",
    regulations: [euAiAct(12), nistRmf("GV 1.6"), iso42001("A.6.2.5")],
    explanation:
      "Share of production deploys whose version is registered in the model registry. Deploy only registry versions so the registry answers what is live and how it was built.",
  },
  {
    id: "reproducibility.l2.prompts-versioned",
    axis: "reproducibility",
    level: 2,
    title: "Prompts are versioned",
    appliesTo: [...llmKinds],
    degree: { rule: "present", of: "promptVersions" },
    evidence: "state",
    regulations: [euAiAct(12), nistRmf("MS 2.1"), iso42001("A.6.2.3")],
    explanation:
      "Looks for versioned system prompts. Give every prompt an id and a version, and publish a new version on every change rather than editing in place.",
  },
  {
    id: "reproducibility.l3.pipelines-automated",
    axis: "reproducibility",
    level: 3,
    title: "Training and evaluation run on a cadence",
    appliesTo: [...allKinds],
    degree: {
      rule: "share",
      of: "pipelineRuns",
      where: { pipeline: ["training", "evaluation"] },
      that: { trigger: ["schedule", "signal", "push"] },
    },
    evidence: "activity",
    regulations: [euAiAct(15), nistRmf("MS 2.3"), iso42001("A.6.2.4")],
    explanation:
      "Share of training and evaluation pipeline runs started by a schedule, a signal or a push rather than by hand. Put both pipelines on a documented schedule or trigger.",
  },
  {
    id: "reproducibility.l3.pipelines-ci-tested",
    axis: "reproducibility",
    level: 3,
    title: "Pipeline code is tested in CI",
    appliesTo: [...allKinds],
    degree: { rule: "present", of: "pipelineRuns", that: { pipeline: "build", trigger: "push" } },
    evidence: "activity",
    regulations: [euAiAct(15), nistRmf("MS 2.3"), iso42001("A.6.2.4")],
    explanation:
      "Looks for CI builds triggered by pushes in the window. Test ML pipeline code on every push, with the same rigour as application code.",
  },
  {
    id: "reproducibility.l3.data-quality-on-ingestion",
    axis: "reproducibility",
    level: 3,
    title: "Data quality is checked automatically on ingestion",
    appliesTo: [...allKinds],
    degree: { rule: "share", of: "dataQualityChecks", that: { automated: true, atIngestion: true } },
    evidence: "activity",
    regulations: [euAiAct(10), nistRmf("MS 2.1"), iso42001("A.7.4")],
    explanation:
      "Share of data quality checks in the window that ran automatically as data arrived. Run the checks inside the ingestion path instead of by hand afterwards.",
  },
  {
    id: "reproducibility.l3.prompts-in-source-control",
    axis: "reproducibility",
    level: 3,
    title: "Prompts live in source control with their application",
    appliesTo: [...llmKinds],
    degree: { rule: "share", of: "promptVersions", that: { inSourceControl: true } },
    evidence: "state",
    regulations: [euAiAct(12), nistRmf("MS 2.8"), iso42001("A.6.2.3")],
    explanation:
      "Share of current prompt versions that carry the commit they live in. Keep prompts in the repository beside the code that uses them.",
  },
  {
    id: "reproducibility.l4.data-contracts",
    axis: "reproducibility",
    level: 4,
    title: "Producer–consumer data contracts",
    appliesTo: [...allKinds],
    degree: { rule: "present", of: "dataContracts" },
    evidence: "state",
    regulations: [euAiAct(10), nistRmf("MP 4.1"), iso42001("A.7.3")],
    explanation:
      "Looks for published contracts between the producers and consumers of the system's data. Agree and publish a contract for each feature or retrieval feed.",
  },
  {
    id: "reproducibility.l4.retraining-automated",
    axis: "reproducibility",
    level: 4,
    title: "Retraining is triggered by schedule or quality signal",
    appliesTo: ["classical"],
    degree: { rule: "share", of: "retrains", that: { trigger: ["schedule", "quality_signal"] } },
    evidence: "activity",
    regulations: [euAiAct(15), nistRmf("MG 4.1"), iso42001("A.6.2.6")],
    explanation:
      "Share of retraining runs in the window started by a schedule or a quality signal. Wire retraining to monitoring so nobody has to remember to do it.",
  },
  {
    id: "reproducibility.l5.rebuild-within-hour",
    axis: "reproducibility",
    level: 5,
    title: "Production models rebuild from versioned code and data within an hour",
    appliesTo: ["classical"],
    degree: {
      rule: "share",
      of: "rebuilds",
      that: { artefactMatches: true, durationMinutes: { atMost: 60 } },
    },
    evidence: "activity",
    regulations: [euAiAct(11), euAiAct(12), nistRmf("MS 2.7"), iso42001("A.6.2.7")],
    explanation:
      "Share of verified rebuilds in the window that reproduced the same artefact in 60 minutes or less. Rebuild production models from their recorded versions regularly and verify the result.",
  },
  {
    id: "reproducibility.l5.lineage-catalogued",
    axis: "reproducibility",
    level: 5,
    title: "Catalogued assets carry lineage",
    appliesTo: [...allKinds],
    degree: { rule: "share", of: "catalogAssets", that: { lineage: true } },
    evidence: "state",
    regulations: [euAiAct(10), euAiAct(12), nistRmf("GV 1.6"), iso42001("A.7.5")],
    explanation:
      "Share of the system's catalogued features, embeddings, prompts, models and agents with lineage recorded. Capture lineage automatically when assets are produced.",
  },
];
