// docs/score-report.md: what the score report says and how to read it, with its field table and an
// example read off (and checked against) the report schema.
import { evidenceIdCap } from "../report/criterion-result.ts";
import { metricNames } from "../report/metrics.ts";
import { riskKindSchema, type RiskKind } from "../report/risk.ts";
import { scoreReportSchema, type ScoreReport } from "../report/score-report.ts";
import { rubricVersion } from "../rubric/index.ts";
import { eventTypesCounting } from "./evidence-links.ts";
import { code, compactJson, generatedNotice, table } from "./markdown.ts";
import { fieldRows, jsonSchemaOf } from "./schema-fields.ts";
import { metricNotes, reportFieldNotes, reportPlaceholders } from "./score-report-notes.ts";

const riskNotes: Record<RiskKind, string> = {
  axis_mismatch:
    "One axis of a system is at least a level ahead of another (deployment far ahead of evaluation, say): the lagging axis is where the next incident is likely to come from. `axes` holds the leading axis, then the lagging one.",
  track_gap:
    "A team's LLM and agent systems trail its classical ones on an axis by half a level or more. A team-level risk: it has `team` but no `systemId`.",
  ahead_of_foundation:
    "Practices met above the first unconsolidated level: in place, but resting on a foundation that is not, and earning no credit until it is.",
  stale_evidence:
    "An activity criterion whose only evidence is older than the window: the practice may have stopped.",
  metric_breach: "An operational metric outside its band (a high change failure rate, a slow recovery).",
};

export function renderScoreReportDoc(): string {
  const rows = fieldRows(jsonSchemaOf(scoreReportSchema), { placeholders: reportPlaceholders });
  const stale = Object.keys(reportFieldNotes).filter((path) => !rows.some((row) => row.path === path));
  if (stale.length > 0)
    throw new Error(`score-report notes for fields the schema lacks: ${stale.join(", ")}`);
  const fieldTable = table(
    ["Field", "Type", "Required", "Meaning"],
    rows.map((row) => {
      const meaning = row.description ?? reportFieldNotes[row.path];
      if (meaning === undefined) throw new Error(`no description of score report field ${row.path}`);
      return [code(row.path), row.type, row.required ? "yes" : "no", meaning];
    }),
  );
  return `${generatedNotice("the report schema in packages/model/src/report and packages/model/src/docs/score-report*.ts")}

# The score report

The score report is what scoring makes of the events: for one moment (\`asOf\`), every system's
score on each of the five axes with the criteria and events behind it, its operational metrics and
its risks, and the medians per team and for the whole organisation, kept apart for classical, LLM
and agent systems. It is one format everywhere:

- \`maturity score events.ndjson --json\` prints it for a file of events, with no database or
  broker involved (\`--as-of\` picks the moment);
- the worker keeps each system's part of it in the database, re-scored as events arrive and on a
  timer, and the portal and its API read it from there;
- the same scoring functions produce it in both places, so the same events, \`asOf\` and rubric give
  the same report.

A number the events cannot establish is \`null\`, not 0: a system with no deploys in the window has
\`deploymentsPerWeek: null\`, not zero deploys a week.

## Scores

Each axis has a continuous score from 1 to 5. Level L is *consolidated* when every criterion of
levels 2 to L that applies to the system is met; the score is 1, plus the number of consolidated
levels, plus the mean degree of the first level that is not consolidated. So a system with level 2
consolidated and level-3 degrees of 1, 0.75 and 0.5 scores 2.75 (\`level\` 2), and one with every
level consolidated scores 5. Criteria above the first unconsolidated level add nothing; when met
they are flagged \`aheadOfFoundation\`.

A criterion's \`status\` is \`met\`, \`unmet\`, or \`no_data\` when there was nothing to judge it
on (degree 0 and not met, but not evidence of failure either), or \`waived\`: its own evidence
does not meet it, but a waiver in force (\`gov.waiver.granted\`, see [policy.md](policy.md#waivers))
lets it count as met, with degree 1 and the grant as its one piece of evidence, until the waiver
expires or is revoked. The system's \`waivers\` list each waiver in force with its approver and
expiry. Its \`evidence\` lists the ids of the events it was computed from, newest first, up to
${evidenceIdCap}; \`evidenceCount\` has the full count. The criteria themselves, and the events each reads, are listed in [rubric.md](rubric.md).

## Metrics

Computed over the metrics window (\`windowDays\`, 30 days before \`asOf\` unless the scorer is told
otherwise), separately from the criteria's window. Only succeeded deploys to the \`production\`
environment count. Each metric comes with its \`band\`: the maturity level its value corresponds
to, in words, and the DORA cluster for the metrics DORA defines.

${table(
  ["Metric", "Field", "What it measures", "From events"],
  metricNames.map((metric) => [
    code(metric),
    code(metricNotes[metric].field),
    metricNotes[metric].means,
    eventTypesCounting(metric)
      .map((type) => `[${code(type)}](event-catalogue.md#${type})`)
      .join(", "),
  ]),
)}

## Risks

Risks are ranked by \`rank\` = severity × exposure × likelihood: severity is the size of the gap
or breach, exposure grows from classical to LLM to agent systems and from the \`minimal\` to the
\`high\` risk tier, and likelihood grows with how often the system changes. Each names the events
behind it and the next upgrade, in the order the maturity model recommends: experiment tracking
(level 1 to 2), an evaluation regression suite in CI (2 to 3), GPU queueing with gated deploys
and automatic rollback (3 to 4), then the governance layer (4 to 5).

${table(
  ["Kind", "Raised when"],
  riskKindSchema.options.map((kind) => [code(kind), riskNotes[kind]]),
)}

## Rollups

\`tracks\` holds, for each of \`classical\`, \`llm\` and \`agent\`, the median score per axis of the
systems of that kind that are not retired (\`null\` when there are none). \`trackGap\` is, per
axis, the classical median minus the median of the LLM and agent systems taken together: a
positive gap means LLM operations lag behind classical ML. Teams get the same rollups over their
own systems; \`org.risks\` lists every risk in the organisation, highest rank first.

## Example

A one-system organisation (abridged to one criterion per axis; a real report lists every criterion
that applies):

\`\`\`json
${compactJson(exampleReport())}
\`\`\`

## Fields

${fieldTable}
`;
}

/** A small report, checked against the schema so the example cannot drift from it. */
export function exampleReport(): ScoreReport {
  const criterion = (id: string, degree: number, evidence: string[]) => ({
    id,
    level: Number(/\.l(\d)\./.exec(id)![1]),
    degree,
    met: degree >= 0.9,
    status:
      evidence.length === 0 ? ("no_data" as const) : degree >= 0.9 ? ("met" as const) : ("unmet" as const),
    evidence,
    evidenceCount: evidence.length,
    aheadOfFoundation: false,
  });
  const tracks = {
    classical: { reproducibility: 3, evaluation: 2.5, deployment: 4, observability: 2, governance: 2 },
    llm: { reproducibility: null, evaluation: null, deployment: null, observability: null, governance: null },
    agent: {
      reproducibility: null,
      evaluation: null,
      deployment: null,
      observability: null,
      governance: null,
    },
  };
  const noGap = {
    reproducibility: null,
    evaluation: null,
    deployment: null,
    observability: null,
    governance: null,
  };
  const risk = {
    kind: "axis_mismatch" as const,
    systemId: "fraud-scoring",
    team: "risk",
    rank: 6,
    axes: ["deployment" as const, "evaluation" as const],
    summary:
      "Deployment (level 4, 4.00) is 1.50 ahead of evaluation (level 2, 2.50): changes reach users faster than their quality is measured.",
    nextUpgrade:
      "Evaluation regression suite in CI (level 2→3): build a regression suite with quality gates and run it in CI for every release. First step on evaluation: a regression suite with a quality gate runs on every release (evaluation.l3.regression-suite-gated).",
    evidence: ["dep-0107"],
  };
  const band = (level: number | null, label: string, dora: "elite" | "high" | "medium" | "low" | null) => ({
    level,
    label,
    dora,
  });
  return scoreReportSchema.parse({
    asOf: "2026-11-24T00:00:00.000Z",
    rubricVersion,
    systems: [
      {
        systemId: "fraud-scoring",
        name: "Fraud scoring",
        team: "risk",
        kind: "classical",
        riskTier: "high",
        registered: true,
        retired: false,
        axes: {
          reproducibility: {
            score: 3,
            level: 3,
            criteria: [criterion("reproducibility.l2.runs-tracked", 1, ["run-0912", "run-0907"])],
            aheadOfFoundation: [],
          },
          evaluation: {
            score: 2.5,
            level: 2,
            criteria: [criterion("evaluation.l3.regression-suite-gated", 0.5, ["dep-0107", "dep-0101"])],
            aheadOfFoundation: [],
          },
          deployment: {
            score: 4,
            level: 4,
            criteria: [criterion("deployment.l3.canary-or-shadow", 1, ["dep-0107", "dep-0101"])],
            aheadOfFoundation: [],
          },
          observability: {
            score: 2,
            level: 2,
            criteria: [criterion("observability.l3.model-monitoring", 0, [])],
            aheadOfFoundation: [],
          },
          governance: {
            score: 2,
            level: 2,
            criteria: [criterion("governance.l2.named-owner", 1, ["gov-0001"])],
            aheadOfFoundation: [],
          },
        },
        metrics: {
          deploymentsPerWeek: 2.33,
          leadTimeHours: { p50: 30, p90: 52 },
          changeFailureRate: 0.1,
          timeToRecoveryHours: { p50: 3.5 },
          costUsdByFeature: {},
          unattributedCostShare: null,
          auditResponseHours: { p50: null },
          bands: {
            deploymentsPerWeek: band(2, "weekly", "high"),
            leadTime: band(3, "days", "high"),
            changeFailureRate: band(3, "10–25% (level 3 sits at 15–25%)", "high"),
            timeToRecovery: band(2, "multiple hours", "high"),
            costByFeature: band(null, "no data", null),
            auditResponse: band(null, "no data", null),
          },
          windowDays: 30,
        },
        risks: [risk],
      },
    ],
    teams: [{ team: "risk", systemCount: 1, tracks, trackGap: noGap }],
    org: { tracks, trackGap: noGap, risks: [risk] },
  });
}
