// docs/rubric.md, rendered from the rubric data, so the page is the rubric that scores.
import { axes, systemKindSchema, type Axis } from "../kinds.ts";
import { rubric as defaultRubric } from "../rubric/index.ts";
import { populationNames, populations, type Population } from "../rubric/populations.ts";
import type { CriterionDefinition, FieldCondition, LeafRule, Rubric, Where } from "../rubric/schema.ts";
import {
  eventTypesCounting,
  eventTypesFeeding,
  eventTypesQualifying,
  reportMetricOfRule,
} from "./evidence-links.ts";
import { fieldsNamed, leafRules } from "../rubric/rule-fields.ts";
import { anchor, code, generatedNotice, prose, table } from "./markdown.ts";

/** What each population holds, in a phrase (the fields come from the rubric's declaration). */
const populationNotes: Record<Population, string> = {
  experimentRuns: "Logged experiment and training runs.",
  modelVersions: "Registered model versions.",
  productionDeploys:
    "Succeeded deploys to `production`, each joined with what else is known about its version or deployment id: evaluated and with which gate, registered, reviewed, risk-assessed.",
  promotions: "Registry alias moves.",
  rebuilds: "Verified rebuilds of production models.",
  promptVersions: "The latest version of each prompt.",
  catalogTools: "The tools of the latest tool catalogue.",
  pipelineRuns: "Finished CI pipeline runs.",
  dataQualityChecks: "Data-quality checks.",
  dataContracts: "Published data contracts.",
  retrains: "Retraining starts.",
  catalogAssets: "The latest entry of each catalogued asset.",
  evalRuns: "Evaluation runs.",
  evalDatasetUpdates: "Additions to evaluation datasets.",
  failureModeCatalogues: "The latest failure-mode catalogue.",
  redteamRuns: "Red-teaming exercises.",
  fairnessChecks: "Fairness and bias checks.",
  trafficShifts: "Canary traffic steps.",
  rollbacks: "Rollbacks.",
  modelSwaps: "Model swaps.",
  gpuQueues:
    "The GPU queues the system uses (listed in its catalogue entry or seen in its jobs), each with its latest policy; `unconfigured` when no policy was ever sent.",
  monitors: "The latest configuration of each monitored signal.",
  owners: "The latest owner assignment.",
  riskAssessments: "Risk assessments.",
  changeReviews: "Change reviews.",
  overridePaths: "Documented human override paths.",
  generatedDocs: "Generated governance documents.",
  llmCalls: "LLM calls, counted one by one (kept as daily totals).",
  agentRuns: "Agent runs, counted one by one (kept as daily totals).",
};

const axisTitle = (axis: Axis) => axis.charAt(0).toUpperCase() + axis.slice(1);

export function renderRubricDoc(rubric: Rubric = defaultRubric): string {
  const kinds = systemKindSchema.options;
  return `${generatedNotice("the rubric data in packages/model/src/rubric")}

# Rubric

Rubric version **${rubric.version}**: ${rubric.criteria.length} criteria over the five axes
(${prose(axes.map(code))}), at levels 2 to 5. Level 1 (ad hoc) asks for nothing. Every score and
every history row records the rubric version that produced it.

${table(
  ["Axis", ...[2, 3, 4, 5].map((level) => `Level ${level}`)],
  axes.map((axis) => [
    `[${axisTitle(axis)}](#${axis})`,
    ...[2, 3, 4, 5].map((level) => String(criteriaAt(rubric, axis, level).length)),
  ]),
)}

## How a criterion is judged

- **Applies to**: each criterion names the system kinds (${prose(kinds.map(code))}) it applies to;
  a system is judged only on the criteria for its kind, and a level with none for its kind asks
  nothing of it.
- **Degree**: a number from 0 to 1, computed by the criterion's rule from the system's records as
  of the scoring time (\`asOf\`). Every result lists the events behind it.
- **Met** when the degree reaches the threshold.
- **No data** when there is nothing to judge: degree 0, status \`no_data\`. That is neither a pass
  nor evidence of failure, but the criterion is not met.
- **Waived** when its evidence does not meet it but a waiver in force lets it count as met until a
  date ([policy.md](policy.md#waivers)).
- **Evidence**: *activity* criteria look only at records inside the evidence window (the 90 days
  before \`asOf\` unless the scorer is given another window); *state* criteria look at everything up
  to \`asOf\`, and where a population keeps the latest record per thing (the latest owner, the
  latest configuration of each monitor), only that record. A metric rule is computed over the same
  span: the window for activity, all history for state.

An axis's score is 1, plus one for each consolidated level (level L is consolidated when every
criterion of levels 2 to L is met), plus the mean degree of the first level that is not: level 2
consolidated and level-3 degrees of 1, 0.75 and 0.5 make 2.75. Criteria above that first
unconsolidated level earn nothing, however well they do; met ones are reported as *ahead of
foundation*. Because activity evidence ages out of the window, scores fall when a practice stops,
without any new event.

### Rules

${table(
  ["Rule", "Degree"],
  [
    [
      code("share"),
      "The share of the population's records (those matching `where`, if given) that satisfy `that`.",
    ],
    [
      code("present"),
      "1 when any record satisfies `that` (or any record exists, without `that`); 0 when records exist but none does.",
    ],
    [
      code("cadence"),
      "The share of whole weeks, counted back from `asOf` over the window (or the system's life, if shorter), with at least `perWeek` matching records.",
    ],
    [code("covers"), "The share of the required `values` of `field` found among the records."],
    [
      code("metric"),
      "1 when the metric is within the bound; otherwise how close it comes, never quite 1. Such criteria are met only at degree 1.",
    ],
    [code("all"), "Every part must hold: the degree is the lowest part's."],
  ],
)}

${axes.map((axis) => renderAxis(rubric, axis)).join("\n\n")}

## Populations

The record sets rules read. Each is built from the system's events; the fields are what rule
conditions may test.

${table(
  ["Population", "Holds", "Fields", "From events"],
  populationNames.map((population) => [
    `${anchor(`population-${population}`)}${code(population)}`,
    populationNotes[population],
    populations[population].map(code).join(", "),
    populationSources(population),
  ]),
)}

## Compliance clauses

Each criterion names the regulation clauses it gives evidence for. Grouped by clause, a system's
results show an auditor which obligations its evidence covers.

${table(
  ["Framework", "Clause", "Criteria"],
  clauseIndex(rubric).map(([framework, clause, ids]) => [
    framework,
    clause,
    ids.map((id) => `[${code(id)}](#${id})`).join(", "),
  ]),
)}

## Changing the rubric

The criteria live in \`packages/model/src/rubric/criteria/<axis>.ts\`, one file per axis. A change
to a criterion, threshold or rule needs a new \`rubricVersion\` (\`packages/model/src/rubric/index.ts\`),
so score history says which rubric produced each score. The rubric's tests check every field a rule
names against the populations above; a population or metric that does not exist yet needs scoring
to build it first. Then regenerate this page with \`npm run docs -w @maturity/model\`.
`;
}

function criteriaAt(rubric: Rubric, axis: Axis, level: number): CriterionDefinition[] {
  return rubric.criteria.filter((criterion) => criterion.axis === axis && criterion.level === level);
}

function renderAxis(rubric: Rubric, axis: Axis): string {
  const levels = [2, 3, 4, 5].filter((level) => criteriaAt(rubric, axis, level).length > 0);
  return `## ${axisTitle(axis)}

${levels.map((level) => renderLevel(criteriaAt(rubric, axis, level), level)).join("\n\n")}`;
}

function renderLevel(criteria: CriterionDefinition[], level: number): string {
  const kinds = systemKindSchema.options;
  return `### Level ${level}

${table(
  ["Criterion", "Applies to", "Rule", "Met at", "Evidence", "Reads"],
  criteria.map((criterion) => [
    `${anchor(criterion.id)}${code(criterion.id)}<br>${criterion.title}`,
    criterion.appliesTo.length === kinds.length ? "all kinds" : criterion.appliesTo.join(", "),
    ruleText(criterion),
    criterion.threshold === 1 ? "1" : `≥ ${criterion.threshold}`,
    criterion.evidence === "activity" ? "activity (window)" : "state (all history)",
    readsText(criterion),
  ]),
)}

${criteria
  .map(
    (criterion) =>
      `- ${code(criterion.id)}: ${criterion.explanation} *Clauses:* ${criterion.regulations
        .map((regulation) => `${regulation.framework} ${regulation.clause}`)
        .join("; ")}.`,
  )
  .join("\n")}`;
}

function ruleText(criterion: CriterionDefinition): string {
  const degree = criterion.degree;
  if (degree.rule !== "all") return leafText(degree);
  return `all of: ${degree.rules.map((rule, index) => `(${index + 1}) ${leafText(rule)}`).join("; ")}`;
}

function leafText(rule: LeafRule): string {
  const of = (population: Population) => `[${code(population)}](#population-${population})`;
  const where = (conditions: Where | undefined, word: string) =>
    conditions === undefined || Object.keys(conditions).length === 0
      ? ""
      : ` ${word} ${whereText(conditions)}`;
  switch (rule.rule) {
    case "share":
      return `share of ${of(rule.of)}${where(rule.where, "where")} with ${whereText(rule.that)}`;
    case "present":
      return `any ${of(rule.of)}${where(rule.that, "with")}`;
    case "cadence":
      return `weeks with ≥ ${rule.perWeek} ${of(rule.of)}${where(rule.where, "with")}`;
    case "covers":
      return `${of(rule.of)} cover ${code(rule.field)} ${rule.values.map(code).join(", ")}${where(rule.where, "where")}`;
    case "metric": {
      const op = { below: "<", atMost: "≤", atLeast: "≥" }[rule.op];
      return `${code(rule.metric)} ${op} ${rule.value}`;
    }
  }
}

function whereText(conditions: Where): string {
  return Object.entries(conditions)
    .map(([field, condition]) => conditionText(field, condition))
    .join(" and ");
}

function conditionText(field: string, condition: FieldCondition): string {
  if (condition === true) return code(field);
  if (condition === false) return `not ${code(field)}`;
  if (Array.isArray(condition)) return `${code(field)} ∈ {${condition.map(code).join(", ")}}`;
  if (typeof condition === "object") {
    return "atMost" in condition
      ? `${code(field)} ≤ ${condition.atMost}`
      : `${code(field)} ≥ ${condition.atLeast}`;
  }
  return `${code(field)} = ${code(String(condition))}`;
}

/**
 * The event types a criterion's rule reads: those adding records to its populations, those
 * setting a field its conditions test, and those its metrics are computed from.
 */
function readsText(criterion: CriterionDefinition): string {
  const types = new Set<string>();
  for (const rule of leafRules(criterion)) {
    if (rule.rule === "metric") {
      for (const type of eventTypesCounting(reportMetricOfRule[rule.metric])) types.add(type);
      continue;
    }
    for (const type of eventTypesFeeding(rule.of)) types.add(type);
    const tested = fieldsNamed(rule);
    for (const [type, fields] of eventTypesQualifying(rule.of)) {
      if (fields.some((field) => tested.includes(field))) types.add(type);
    }
  }
  return [...types].map((type) => `[${code(type)}](event-catalogue.md#${type})`).join(", ");
}

function populationSources(population: Population): string {
  const feeding = eventTypesFeeding(population).map((type) => `[${code(type)}](event-catalogue.md#${type})`);
  const qualifying = eventTypesQualifying(population).map(
    ([type, fields]) => `[${code(type)}](event-catalogue.md#${type}) (sets ${fields.map(code).join(", ")})`,
  );
  return [...feeding, ...qualifying].join(", ");
}

/** Every clause any criterion cites, by framework and clause, with the criteria citing it. */
function clauseIndex(rubric: Rubric): [string, string, string[]][] {
  const index = new Map<string, [string, string, string[]]>();
  for (const criterion of rubric.criteria) {
    for (const { framework, clause } of criterion.regulations) {
      const key = `${framework}\u0000${clause}`;
      const entry = index.get(key) ?? [framework, clause, []];
      entry[2].push(criterion.id);
      index.set(key, entry);
    }
  }
  const collator = new Intl.Collator("en", { numeric: true });
  return [...index.values()].sort(
    ([fa, ca], [fb, cb]) => collator.compare(fa, fb) || collator.compare(ca, cb),
  );
}
