// What each event type means, what each of its fields is for, and what scoring makes of it: the
// words of docs/event-catalogue.md. The fields themselves, their types and limits come from the
// schemas; the renderer refuses to write the page while a field has no words here, or words are
// left here for a field the schema no longer has.
import { nativeIdKinds, type NativeIdKind } from "../catalogue/native-ids.ts";
import type { MetricName } from "../report/metrics.ts";
import type { Population, populations } from "../rubric/populations.ts";
import type { EventType } from "../events/catalogue.ts";

export interface EventNote {
  /** What happened, in a sentence. */
  means: string;
  /** What the platform takes it as evidence of. */
  evidences: string;
  /** The rubric populations (record sets that criteria read) the event adds records to. */
  populations: readonly Population[];
  /** Fields of another population's records that the event sets (an evaluation marks a deploy evaluated). */
  qualifies?: { [P in Population]?: readonly (typeof populations)[P][number][] };
  /** The operational metrics of the score report it counts in. */
  metrics: readonly MetricName[];
  /** The envelope's `subject`, when it is not the system id. */
  subject?: string;
  /** Per data field (dotted path as in the table: `sources.repos`, `tools[].name`), what it is. */
  fields: Record<string, string>;
}

/** The CloudEvents envelope around every event. */
export const envelopeNotes: Record<string, string> = {
  specversion: "The CloudEvents version; always `1.0`.",
  id: "The sender's id of this event. Unique per `source`: (`source`, `id`) is how a resent event is recognised and stored once.",
  source:
    "Who emitted it, as a URI reference (`https://ci.example.com/acme`, `github://acme/fraud`, `cli://me`).",
  time: "When it happened at the source (not when it was received); scoring windows are measured on it.",
  subject:
    "The id of the ML system it is about (for `gpu.queue.configured`, the GPU queue's name). Ingest adapters fill it from the catalogue; an id no system claims yet becomes `unmapped:<kind>:<id>`.",
  datacontenttype: "Optional; when present it must say JSON (`application/json`, a UTF-8 charset allowed).",
  dataschema:
    "The schema `data` follows. Ingest sets it on every event it stores, replacing any the sender sent, to the `data` part of the type's published JSON Schema: `<MATURITY_PUBLIC_URL>/v1/schemas/<type>.json#/properties/data`.",
  type: "One of the event types on this page; anything else is refused, naming the accepted types.",
  data: "The event's own fields, described per type below.",
};

// What the ids of each kind look like, where it helps; a kind without a line here still gets one.
const nativeIdForms: Partial<Record<NativeIdKind, string>> = {
  repo: "`owner/name`, or a GitLab `group/project`",
  registryModel: "a model or prompt name in the registry",
  service: "OpenTelemetry's `service.name`",
  gpuQueue: "a Kueue ClusterQueue",
};

const sourcesNotes = Object.fromEntries(
  Object.entries(nativeIdKinds).map(([kind, { sourcesKey, label }]) => {
    const form = nativeIdForms[kind as NativeIdKind];
    return [`sources.${sourcesKey}`, `Each ${label} of the system${form === undefined ? "" : ` (${form})`}.`];
  }),
);

// Set by `maturity import backstage` and the catalogue pull; absent on entries sent by hand.
const originNotes = {
  origin: "Where an imported entry came from; absent when the entry was sent by hand.",
  "origin.catalog": "The catalogue it was imported from.",
  "origin.location": "Which copy of that catalogue: its API's URL, or the name given to an import of files.",
  "origin.entityRef": "The entity's reference in that catalogue (`kind:namespace/name`).",
  "origin.contentHash": "A hash of what was imported, so the next import knows whether the entity changed.",
};

const system = {
  name: "Display name of the system.",
  team: "The team that owns it; rollups and the team pages group by it.",
  kind: "What sort of system it is, and so the track it is rolled up under: classical ML, LLM feature or agent.",
  riskTier: "The organisation's reading of its stakes; a higher tier ranks the system's risks higher.",
  description: "Free text shown in the portal.",
  sources:
    "The native ids whose events belong to this system: events that name one of them are scored for it, including those that arrived before the mapping.",
  ...sourcesNotes,
  ...originNotes,
};

export const eventNotes: { [T in EventType]: EventNote } = {
  "catalog.system.registered": {
    means: "A system enters the catalogue, or is registered again with its full description.",
    evidences:
      "That the system exists: its name, team, kind and risk tier, and which native ids map to it. Without it a system is scored with defaults and reported as not registered.",
    populations: ["gpuQueues"],
    metrics: [],
    fields: system,
  },
  "catalog.system.updated": {
    means: "Some of a system's catalogue entry changed; only the fields sent change.",
    evidences:
      "The same as a registration, field by field. Mapping an unmapped source in the portal sends one.",
    populations: ["gpuQueues"],
    metrics: [],
    fields: system,
  },
  "catalog.system.retired": {
    means: "The system was switched off.",
    evidences:
      "Nothing new: the system stays in the report with its history, but leaves the rollups and the risks.",
    populations: [],
    metrics: [],
    fields: originNotes,
  },
  "catalog.asset.updated": {
    means:
      "An asset the system uses (feature, embedding, prompt, model, agent, dataset) was catalogued or changed.",
    evidences:
      "A governed catalogue: whether each asset has an owner, recorded lineage and reviewed changes.",
    populations: ["catalogAssets"],
    metrics: [],
    fields: {
      assetType: "What sort of asset it is.",
      assetId: "The asset's id in the catalogue; the latest entry per id counts.",
      owner: "Who owns the asset; absent means nobody does.",
      lineage: "Whether the catalogue records where the asset comes from.",
      changeReviewed: "Whether this change to the asset was reviewed.",
    },
  },
  "gov.owner.assigned": {
    means: "Someone became the system's named owner.",
    evidences: "A named owner, and an on-call rotation when one is given. The latest assignment counts.",
    populations: ["owners"],
    metrics: [],
    fields: {
      owner: "The person (or group) accountable for the system.",
      onCallRotation: "The on-call rotation that answers its alerts.",
    },
  },
  "gov.risk_assessment.completed": {
    means: "A risk assessment of the system, or of one change to it, was completed.",
    evidences:
      "Risk assessed per material change; a production deploy counts as assessed when an assessment names its version or deployment id.",
    populations: ["riskAssessments"],
    qualifies: { productionDeploys: ["riskAssessed"] },
    metrics: [],
    fields: {
      changeRef: "The change assessed: a model version or a deployment id.",
      trigger: "Why it was assessed: a material change, the periodic review, or the first assessment.",
      outcome: "What it concluded.",
    },
  },
  "gov.change.reviewed": {
    means: "A change to the system was reviewed.",
    evidences:
      "An audit trail and change review; a production deploy counts as reviewed when an approving review names its version or deployment id.",
    populations: ["changeReviews"],
    qualifies: { productionDeploys: ["reviewed"] },
    metrics: [],
    fields: {
      changeRef: "The change reviewed: a model version or a deployment id.",
      reviewer: "Who reviewed it.",
      approved: "Whether the review approved it.",
    },
  },
  "gov.hitl_override.documented": {
    means: "A documented path for a person to override the system's decisions was published.",
    evidences: "A human-in-the-loop override path for high-stakes decisions.",
    populations: ["overridePaths"],
    metrics: [],
    fields: { docRef: "Where the procedure is written down (a URL or document id)." },
  },
  "gov.redteam.completed": {
    means: "A red-teaming exercise against the system finished.",
    evidences: "Red-teaming, and whether it runs on a schedule rather than by hand.",
    populations: ["redteamRuns"],
    metrics: [],
    fields: {
      scheduled: "Whether a schedule started it (not a person).",
      findings: "How many findings it produced.",
      passed: "Whether the system passed.",
    },
  },
  "gov.fairness.checked": {
    means: "A fairness or bias check ran.",
    evidences: "Fairness monitoring against documented thresholds.",
    populations: ["fairnessChecks"],
    metrics: [],
    fields: {
      dimensions: "The attributes checked (for example age band, region).",
      thresholdsDocumented: "Whether the pass thresholds are written down.",
      passed: "Whether the check passed.",
    },
  },
  "gov.docs.generated": {
    means: "A governance document (model card, technical documentation, risk register) was produced.",
    evidences: "Documentation produced as a side effect of the pipeline rather than written by hand.",
    populations: ["generatedDocs"],
    metrics: [],
    fields: {
      artefact: "Which document.",
      fromPipeline: "Whether a pipeline generated it.",
    },
  },
  "gov.audit.requested": {
    means: "An auditor asked for the evidence behind the system.",
    evidences: "The start of an audit-evidence response; paired with the delivery by `auditId`.",
    populations: [],
    metrics: ["auditResponse"],
    fields: {
      auditId: "The request's id; the delivery names the same id.",
      requestedBy: "Who asked.",
    },
  },
  "gov.audit.delivered": {
    means: "The evidence for an audit request was delivered.",
    evidences: "The end of an audit-evidence response: the time from request to delivery.",
    populations: [],
    metrics: ["auditResponse"],
    fields: { auditId: "The id of the request answered." },
  },
  "gov.waiver.granted": {
    means:
      "Someone with the authority to do so let a system skip one criterion until a date, for a stated reason.",
    evidences:
      "Nothing about the practice itself: until it expires the criterion reports `waived` and counts as met, and the report, the portal and the CLI list it with its approver and expiry. A policy caps how long a waiver may run (180 days unless it says otherwise) and may forbid waivers for some criteria; a grant outside those rules is refused at ingest.",
    populations: [],
    metrics: [],
    fields: {
      criterionId: "The criterion waived, as the rubric names it.",
      reason: "Why the criterion does not apply for now.",
      approver: "Who approved the waiver.",
      expiresAt: "When the waiver stops counting.",
    },
  },
  "gov.waiver.revoked": {
    means: "A waiver was withdrawn before it expired.",
    evidences: "The criterion counts on its own evidence again from this moment.",
    populations: [],
    metrics: [],
    fields: { criterionId: "The criterion whose waiver ends.", reason: "Why, if given." },
  },
  "exp.run.logged": {
    means: "An experiment or training run was logged in a tracker.",
    evidences: "Experiment tracking, and whether runs record their code and data versions.",
    populations: ["experimentRuns"],
    metrics: [],
    fields: {
      runId: "The run's id in the tracker.",
      tracker: "Which tracker logged it (`mlflow`, `wandb`, `openlineage`, …).",
      codeVersion: "The code it ran (a commit).",
      dataVersion: "The data it read (a dataset version or snapshot).",
    },
  },
  "registry.model_version.registered": {
    means: "A model version was registered in the model registry.",
    evidences:
      "Versioned models with their code and data versions; a production deploy of a registered version counts as coming from the registry.",
    populations: ["modelVersions"],
    qualifies: { productionDeploys: ["inRegistry"] },
    metrics: [],
    fields: {
      model: "The registered model's name.",
      version: "The version; a `deploy.completed` with the same `version` is matched to it.",
      runId: "The run that produced it.",
      codeVersion: "The code it was built from.",
      dataVersion: "The data it was trained on.",
    },
  },
  "registry.model_version.promoted": {
    means: "A registry alias (such as `champion` or `production`) was pointed at a model version.",
    evidences: "The registry as the record of what is in production.",
    populations: ["promotions"],
    metrics: [],
    fields: {
      model: "The model's name.",
      version: "The version the alias now points at.",
      alias: "The alias moved.",
    },
  },
  "registry.rebuild.verified": {
    means: "A production model was rebuilt from its recorded code and data, and the result compared.",
    evidences:
      "Reproducibility in practice: how long the rebuild took and whether it gave the same artefact.",
    populations: ["rebuilds"],
    metrics: [],
    fields: {
      model: "The model rebuilt.",
      version: "The version rebuilt.",
      durationMinutes: "How long the rebuild took.",
      artefactMatches: "Whether the rebuilt artefact matches the one in production.",
    },
  },
  "prompt.version.committed": {
    means: "A new version of a system prompt was saved.",
    evidences: "Prompts under version control; with a commit, kept in source control beside the application.",
    populations: ["promptVersions"],
    metrics: [],
    fields: {
      promptId: "The prompt's name; the latest version per prompt counts.",
      version: "The version.",
      commitSha: "The source-control commit that holds it; absent when the prompt lives elsewhere.",
    },
  },
  "llm.tool_catalog.updated": {
    means:
      "The catalogue of tools an LLM or agent system may call was published; it replaces the previous one.",
    evidences: "A tool catalogue in which every tool is allowlisted and has an owner.",
    populations: ["catalogTools"],
    metrics: [],
    fields: {
      tools: "Every tool, as the catalogue now stands (not a change list).",
      "tools[].name": "The tool's name.",
      "tools[].owner": "Who owns the tool; absent means nobody does.",
      "tools[].allowlisted": "Whether the tool is on the allowlist.",
    },
  },
  "ci.pipeline.completed": {
    means: "A CI pipeline run finished.",
    evidences: "Automated, tested pipelines: which kind of pipeline ran and what started it.",
    populations: ["pipelineRuns"],
    metrics: [],
    fields: {
      pipeline: "What the pipeline does; the GitHub and GitLab adapters read it from the workflow's name.",
      status: "How it ended.",
      trigger: "What started it: a person, a push, a schedule, or a signal from another system.",
      commitSha: "The commit it ran on.",
      durationSeconds: "How long it ran.",
    },
  },
  "data.quality.checked": {
    means: "A data-quality check ran on one of the system's datasets.",
    evidences: "Automated data-quality checks at ingestion.",
    populations: ["dataQualityChecks"],
    metrics: [],
    fields: {
      dataset: "The dataset checked.",
      passed: "Whether it passed.",
      automated: "Whether it ran without a person starting it.",
      atIngestion: "Whether it ran as the data came in (rather than later).",
    },
  },
  "data.contract.published": {
    means: "A data contract between a producer and a consumer of a dataset was published.",
    evidences: "Producer–consumer data contracts.",
    populations: ["dataContracts"],
    metrics: [],
    fields: {
      dataset: "The dataset the contract covers.",
      producer: "Who produces the data.",
      consumer: "Who relies on it.",
    },
  },
  "ml.retrain.triggered": {
    means: "Retraining of the system's model started.",
    evidences: "Retraining started by a schedule or a quality signal rather than by hand.",
    populations: ["retrains"],
    metrics: [],
    fields: { trigger: "What started it." },
  },
  "eval.run.completed": {
    means: "An evaluation suite ran against a model version or release.",
    evidences:
      "Evaluation results for releases and quality gates: a production deploy counts as evaluated when an evaluation names its version (in `modelVersion` or `release`) before it, and its gate is the latest gated result. Also calibrated LLM judges, shadow evaluation and trajectory scores for agents.",
    populations: ["evalRuns"],
    qualifies: { productionDeploys: ["evaluated", "gate"] },
    metrics: [],
    fields: {
      suite: "The evaluation suite's name.",
      modelVersion: "The model version evaluated; matched to `deploy.completed` `version`.",
      release: "The release evaluated; matched the same way.",
      gate: "The quality gate's verdict, or `none` when the run gated nothing.",
      scores: "Scores by metric name. A name containing `trajector` counts as a trajectory score.",
      judge: "Present when an LLM judged the outputs.",
      "judge.kind": "The kind of judge; only LLM judges are catalogued.",
      "judge.humanAgreement":
        "How often the judge agreed with people on a labelled sample; present means the judge is calibrated.",
      productionSampled: "Whether the inputs were sampled from production traffic.",
      shadow: "Whether it ran in shadow on live traffic.",
    },
  },
  "eval.dataset.updated": {
    means: "Cases were added to an evaluation suite's dataset.",
    evidences: "A regression set that keeps growing from production samples, week by week.",
    populations: ["evalDatasetUpdates"],
    metrics: [],
    fields: {
      suite: "The suite whose dataset grew.",
      source: "Where the new cases come from.",
      addedCases: "How many cases were added.",
    },
  },
  "eval.failure_modes.documented": {
    means: "The catalogue of the system's known failure modes was published.",
    evidences: "A failure-mode catalogue; the latest count counts.",
    populations: ["failureModeCatalogues"],
    metrics: [],
    fields: { count: "How many failure modes it documents." },
  },
  "deploy.completed": {
    means: "A deployment of the system finished, in any environment.",
    evidences:
      "Succeeded deploys to `production` are the deploys scoring looks at: their cadence, release strategy, evaluation gate, registry origin and review; lead time from `changeRequestedAt`. Deploys elsewhere, and failed ones, are stored but do not count.",
    populations: ["productionDeploys"],
    metrics: ["deploymentsPerWeek", "leadTime", "changeFailureRate"],
    fields: {
      deploymentId: "The deployment's id; rollbacks, traffic shifts and incidents name it.",
      version: "What was deployed (model, prompt, config or code version).",
      environment: "Where it went; only `production` counts for scores and metrics.",
      strategy: "How it was released.",
      gatedByEval: "Whether the pipeline let it through only after an evaluation gate.",
      automated: "Whether a pipeline (not a person) ran it.",
      changeRequestedAt: "When the change was asked for; the lead time runs from here to the deploy.",
      status: "Whether it succeeded.",
    },
  },
  "deploy.traffic.shifted": {
    means: "The share of traffic a deployment receives changed (a canary ramp step).",
    evidences: "Canary ramp-up by policy rather than by hand.",
    populations: ["trafficShifts"],
    metrics: [],
    fields: {
      deploymentId: "The deployment receiving the traffic.",
      percent: "Its share of traffic now.",
      byPolicy: "Whether a rollout policy made the step (not a person).",
    },
  },
  "deploy.rolled_back": {
    means: "A deployment was rolled back.",
    evidences:
      "Automatic rollback; and a failed change: a rollback within 7 days of a production deploy counts against the change failure rate.",
    populations: ["rollbacks"],
    metrics: ["changeFailureRate"],
    fields: {
      deploymentId: "The deployment rolled back.",
      automatic: "Whether it rolled back by itself on a threshold.",
      reason: "Why, in words.",
    },
  },
  "deploy.model_swap.completed": {
    means: "The system moved from one underlying model (or provider) to another.",
    evidences: "A documented model-swap procedure, and how long the swap took.",
    populations: ["modelSwaps"],
    metrics: [],
    fields: {
      from: "The model swapped out.",
      to: "The model swapped in.",
      playbook: "Whether a written playbook was followed.",
      durationHours: "How long the swap took.",
    },
  },
  "incident.opened": {
    means: "An incident involving the system was opened.",
    evidences:
      "Failed changes (an incident naming a production deploy within 7 days counts against the change failure rate) and the start of a recovery.",
    populations: [],
    metrics: ["changeFailureRate", "timeToRecovery"],
    fields: {
      incidentId: "The incident's id; the resolution names the same id.",
      severity: "1 is the most severe.",
      kind: "What went wrong.",
      deploymentId: "The deployment that caused it, when known.",
    },
  },
  "incident.resolved": {
    means: "The incident was resolved.",
    evidences: "The end of a recovery: the time from opened to resolved.",
    populations: [],
    metrics: ["timeToRecovery"],
    fields: { incidentId: "The incident resolved." },
  },
  "gpu.queue.configured": {
    means: "A GPU queue's scheduling policy was set.",
    evidences:
      "Proper GPU queueing (fair share or priority, with pre-emption) for every system whose jobs use the queue or whose catalogue entry lists it.",
    populations: ["gpuQueues"],
    metrics: [],
    subject: "the queue's name, not a system id",
    fields: {
      policy: "How the queue orders waiting jobs.",
      preemption: "Whether a more important job may pre-empt a running one.",
    },
  },
  "gpu.job.admitted": {
    means: "A training or batch job of the system was admitted to a GPU queue.",
    evidences: "That the system's GPU work goes through the queue (and so is governed by its policy).",
    populations: ["gpuQueues"],
    metrics: [],
    fields: {
      queue: "The queue that admitted it.",
      jobId: "The job's id.",
      gpus: "GPUs granted (0 when the scheduler did not say).",
      waitSeconds: "How long it waited to be admitted.",
      priority: "Its priority, as a number or a priority-class name.",
    },
  },
  "gpu.job.preempted": {
    means: "A running job was pre-empted.",
    evidences: "Kept as history; no criterion reads it yet.",
    populations: [],
    metrics: [],
    fields: { queue: "The queue it ran in.", jobId: "The job." },
  },
  "gpu.job.finished": {
    means: "A GPU job finished.",
    evidences: "Kept as history (GPU hours); no criterion reads it yet.",
    populations: [],
    metrics: [],
    fields: {
      queue: "The queue it ran in.",
      jobId: "The job.",
      gpuHours: "GPUs × hours it held them (0 when the scheduler did not say).",
    },
  },
  "monitor.configured": {
    means: "A monitor on one of the system's signals was set up or changed.",
    evidences:
      "ML-specific observability: which signals are monitored and whether they alert. The latest per signal counts.",
    populations: ["monitors"],
    metrics: [],
    fields: {
      signal: "What is watched.",
      alerting: "Whether it alerts someone when it fires.",
    },
  },
  "monitor.alert.fired": {
    means: "A monitor raised an alert.",
    evidences: "Kept as history; no criterion reads it yet.",
    populations: [],
    metrics: [],
    fields: { signal: "The signal that fired.", severity: "1 is the most severe." },
  },
  "llm.call.completed": {
    means: "One request to a language model finished.",
    evidences:
      "Per-request cost and latency telemetry, and cost per product feature. Kept in daily totals; a day counts once it is over.",
    populations: ["llmCalls"],
    metrics: ["costByFeature"],
    fields: {
      feature: "The product feature that made the call; spend without one is unattributed.",
      model: "The model that answered.",
      provider: "Who serves the model.",
      inputTokens: "Tokens sent.",
      outputTokens: "Tokens received.",
      costUsd: "What the call cost; calls without it count against cost telemetry.",
      latencyMs: "How long it took.",
      status: "Whether it returned an answer or an error.",
      traceId: "The trace it belongs to.",
    },
  },
  "agent.run.completed": {
    means: "One run of an agent finished.",
    evidences:
      "Per-run trajectory telemetry: the share of runs that record whether they ended correctly. Its cost counts per feature when the system's LLM call events carry no cost.",
    populations: ["agentRuns"],
    metrics: ["costByFeature"],
    fields: {
      feature: "The product feature the run served.",
      steps: "Steps the run took (model calls, when read from OpenTelemetry spans).",
      toolCalls: "Tool calls the run made.",
      retries: "Calls or tool runs it had to repeat.",
      terminatedCorrectly: "Whether it stopped at the right point; `null` when that could not be judged.",
      latencyMs: "How long the run took.",
      costUsd: "What the run cost.",
    },
  },
  "policy.activated": {
    means:
      "The organisation's scoring rules changed: a policy (or a whole rubric) was put in force, from the MATURITY_POLICY file at start or by an admin in the portal. Its subject is `policy`, not a system.",
    evidences:
      "When the rules changed and who changed them. Every system is re-scored once under the new rules, and the score history rows of that re-score name this event as their cause.",
    populations: [],
    metrics: [],
    fields: {
      name: "The policy's name.",
      version: "The policy's own version.",
      rubricVersion:
        "What reports scored under it give as `rubricVersion`, e.g. `builtin@2026.11-1+acme-bank@7`.",
      contentHash: "SHA-256 of the document's canonical JSON: the same rules give the same hash.",
      actor: "Who activated it (`MATURITY_POLICY` when it came from the setting at start).",
      document: "The policy or rubric file as parsed, so every process applies exactly what was activated.",
    },
  },
  "alerts.rules.changed": {
    means:
      "An admin changed the alert rules in the portal: which committed changes (a level dropping, a risk entering a top list, a track gap widening, a waiver ending, evidence going stale) alert which destinations.",
    evidences:
      "Who changed the alerting and when. Nothing about any system: alerts decided after it follow the new rules.",
    populations: [],
    metrics: [],
    subject: "`alerts`, not a system id",
    fields: {
      actor: "The admin who changed them.",
      rules:
        "The rules in force from now on, each as in the alerts file (docs/alerts.md); `null` puts the alerts file's own rules back.",
      "rules[].id": "The rule's name: unique, and part of every alert id it decides.",
      "rules[].kind":
        "What it watches: `level_dropped`, `risk_entered_top`, `gap_widened`, `waiver_expiring`, `evidence_stale` or `campaign_off_track`.",
      "rules[].destinations": "The destinations (named in the alerts file) its alerts go to.",
      "rules[].minDrop": "`level_dropped`: levels lost on one axis in one change before it fires.",
      "rules[].axes": "Only these axes (all when absent).",
      "rules[].kinds": "Only systems of these kinds (all when absent).",
      "rules[].riskTiers": "Only systems of these risk tiers (all when absent; `evidence_stale`: high).",
      "rules[].teams": "Only these teams (all when absent).",
      "rules[].scope": "The organisation's ranking or gap (`org`), or each team's (`team`).",
      "rules[].top": "`risk_entered_top`: how many of the highest risks count as the top.",
      "rules[].riskKinds": "`risk_entered_top`: only risks of these kinds.",
      "rules[].by": "`gap_widened`: how many score points the gap must grow by over the period.",
      "rules[].periodDays": "`gap_widened`: the period, in days, the gap is compared over.",
      "rules[].withinDays": "`waiver_expiring`: warn when a waiver has this many days left.",
      "rules[].onExpiry": "`waiver_expiring`: also say when it has expired.",
      "rules[].evidence": "`evidence_stale`: only criteria of these evidence kinds (`state`, `activity`).",
      "rules[].campaigns":
        "`campaign_off_track`: only these campaigns, by id (all open campaigns when absent).",
    },
  },
  "alerts.delivery.redriven": {
    means: "An admin asked for a dead alert message to be delivered again.",
    evidences: "Who re-drove which message and when. The message is tried again from its first attempt.",
    populations: [],
    metrics: [],
    subject: "`alerts`, not a system id",
    fields: {
      actor: "The admin who re-drove it.",
      messageId: "The message (its `webhook-id`), as the delivery log lists it.",
    },
  },
  "campaign.defined": {
    means:
      "An admin defined a campaign (a target with a deadline over a scope of systems), or changed one: the definition replaces the last of the same id.",
    evidences:
      "Who set which target for whom, and when. Nothing about any system: a campaign's progress is read from the score history.",
    populations: [],
    metrics: [],
    subject: "`campaigns`, not a system id",
    fields: {
      actor: "The admin who defined or changed it.",
      campaign: "The campaign.",
      "campaign.id": "Its id: plain words, unique.",
      "campaign.name": "What it is called.",
      "campaign.description": "Why, in a few sentences.",
      "campaign.scope": "The systems it covers (retired ones never count).",
      "campaign.scope.teams": "Only these teams (all when absent).",
      "campaign.scope.kinds": "Only systems of these kinds (all when absent).",
      "campaign.scope.riskTiers": "Only systems of these risk tiers (all when absent).",
      "campaign.target": "What each system in scope should reach.",
      "campaign.target.kind":
        "`axis_level` (an axis at or above a level) or `criterion_met` (a criterion met or waived).",
      "campaign.target.axis": "`axis_level`: the axis.",
      "campaign.target.level": "`axis_level`: the level to reach.",
      "campaign.target.criterionId": "`criterion_met`: the criterion.",
      "campaign.deadline": "When the systems in scope should meet the target.",
      "campaign.owner": "Who answers for it.",
    },
  },
  "campaign.closed": {
    means: "An admin closed a campaign: it is kept with its progress but no longer followed.",
    evidences: "Who closed which campaign, when, and why.",
    populations: [],
    metrics: [],
    subject: "`campaigns`, not a system id",
    fields: {
      actor: "The admin who closed it.",
      campaignId: "The campaign.",
      reason: "Why, in a sentence.",
    },
  },
};
