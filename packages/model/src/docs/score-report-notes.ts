// The words of the score report's fields (docs/score-report.md), and the placeholders its field
// table uses for maps keyed by axis, track and metric; the published JSON Schema
// (contracts/report-schema.ts) carries the same words.
import { axes, systemKindSchema } from "../kinds.ts";
import { evidenceIdCap } from "../report/criterion-result.ts";
import { metricNames, type MetricName } from "../report/metrics.ts";

/**
 * The words of one forecast of a score series (a system's axis, or a track's median), under `at`.
 * `nested`: the first time; later tables point to the trend's, date's and step's fields there.
 */
function axisForecastNotes(at: string, nested = true): Record<string, string> {
  const notes: Record<string, string> = {
    [`${at}.status`]:
      "`improving` (with a date), `not_improving`, `declining`, `not_enough_history` or `at_top` (level 5).",
    [`${at}.score`]: "The score now.",
    [`${at}.level`]: "The level now (for a track, the median's whole part).",
    [`${at}.trend`]: "The Theil–Sen trend of the weekly samples; null without enough history.",
    [`${at}.trend.slopePerWeek`]: "Score points gained (or lost) per week.",
    [`${at}.trend.lowPerWeek`]: "The slope's lower bound (90% range).",
    [`${at}.trend.highPerWeek`]: "The slope's upper bound.",
    [`${at}.trend.samples`]: "Weekly samples the trend was fitted on.",
    [`${at}.trend.from`]: "The first sample's time.",
    [`${at}.trend.to`]: "The last sample's time (the report's asOf).",
    [`${at}.nextLevel`]: "When the next level is expected at this pace; null unless improving.",
    [`${at}.nextLevel.date`]: "At the trend's slope.",
    [`${at}.nextLevel.earliest`]: "At the slope's upper bound.",
    [`${at}.nextLevel.latest`]: "At the slope's lower bound; null when that bound does not climb.",
    [`${at}.typical`]:
      "How long this step usually takes, as the maturity model says; null for level 1 → 2 and at 5.",
    [`${at}.typical.fromLevel`]: "The level climbed from.",
    [`${at}.typical.toLevel`]: "The level climbed to.",
    [`${at}.typical.minMonths`]: "The usual shortest, in months.",
    [`${at}.typical.maxMonths`]: "The usual longest, in months.",
    [`${at}.typical.orMore`]: "The model says the longest may be longer still (4 → 5).",
    [`${at}.levelSince`]: "When the current level was reached; null when that was before the history.",
    [`${at}.pace`]:
      "Time at this level plus the expected rest, against the usual: `ahead`, `within`, `behind`; null when it cannot be told.",
  };
  if (nested) return notes;
  const parents = [".trend.", ".nextLevel.", ".typical."].map((part) => `${at}${part}`);
  return Object.fromEntries(
    Object.entries(notes).filter(([path]) => !parents.some((p) => path.startsWith(p))),
  );
}

/** The words of a team's or the organisation's forecast, under `at`. */
function rollupForecastNotes(at: string): Record<string, string> {
  return {
    [at]: "Each track's median forecast like one system's, and when the LLM/agent gap closes; absent without history.",
    [`${at}.tracks`]: "Per track, per axis, the forecast of the median score.",
    [`${at}.tracks.<track>`]: "One track's forecasts.",
    [`${at}.tracks.<track>.<axis>`]: "The forecast; null when the track has no systems.",
    ...axisForecastNotes(`${at}.tracks.<track>.<axis>`, false),
    [`${at}.gap`]: "Per axis, where the classical vs LLM/agent gap is heading.",
    [`${at}.gap.<axis>`]: "One axis's gap.",
    [`${at}.gap.<axis>.status`]:
      "`closing` (with a date), `widening`, `steady`, `closed` (0.05 points or less, or LLM/agent ahead) or `not_enough_history`.",
    [`${at}.gap.<axis>.gap`]: "The gap now; null when a track has no systems.",
    [`${at}.gap.<axis>.trend`]: "The gap's Theil–Sen trend (negative slopes close it).",
    [`${at}.gap.<axis>.closesOn`]: "When the gap closes at this pace; null unless closing.",
  };
}

export const metricNotes: Record<MetricName, { field: string; means: string }> = {
  deploymentsPerWeek: {
    field: "deploymentsPerWeek",
    means:
      "Succeeded production deploys per week of the window. A model, prompt or configuration deploy counts as much as a code deploy.",
  },
  leadTime: {
    field: "leadTimeHours",
    means: "Hours from `changeRequestedAt` to the succeeded production deploy: the median (`p50`) and `p90`.",
  },
  changeFailureRate: {
    field: "changeFailureRate",
    means:
      "The share of succeeded production deploys that a rollback, or an incident, names (by `deploymentId`) within 7 days.",
  },
  timeToRecovery: {
    field: "timeToRecoveryHours",
    means: "Median hours from an incident opening to its resolution; incidents still open are left out.",
  },
  costByFeature: {
    field: "costUsdByFeature",
    means:
      "LLM spend in USD per product feature, and `unattributedCostShare`, the share of spend with no feature.",
  },
  auditResponse: {
    field: "auditResponseHours",
    means: "Median hours from an audit request to the delivery of its evidence.",
  },
};

/** Field descriptions, by path as in the table. */
export const reportFieldNotes: Record<string, string> = {
  asOf: "The moment the report describes (UTC). Evidence after it is ignored.",
  rubricVersion: "The version of the [rubric](rubric.md) that produced the scores.",
  systems: "Every system that has any evidence at or before `asOf`, retired ones included.",
  "systems[].systemId": "The system's id (the events' `subject`).",
  "systems[].name": "From the catalogue; the id when the system was never registered.",
  "systems[].team": "From the catalogue; `unassigned` when the system was never registered.",
  "systems[].kind": "The system's kind, and so its track.",
  "systems[].riskTier": "The organisation's reading of its stakes.",
  "systems[].registered":
    "False when events name the system but it was never registered; defaults then apply.",
  "systems[].retired": "True after `catalog.system.retired`: kept here, left out of rollups and risks.",
  "systems[].axes": "The five axes, never collapsed into one number.",
  "systems[].axes.<axis>": "One axis's result.",
  "systems[].axes.<axis>.score": "The continuous score, from 1 to 5 (see below).",
  "systems[].axes.<axis>.level": "The highest consolidated level.",
  "systems[].axes.<axis>.criteria":
    "The result of every criterion of the axis that applies to the system's kind.",
  "systems[].axes.<axis>.criteria[].id": "The criterion's id in the rubric.",
  "systems[].axes.<axis>.criteria[].level": "The level it belongs to.",
  "systems[].axes.<axis>.criteria[].degree": "How far it holds, from 0 to 1.",
  "systems[].axes.<axis>.criteria[].met": "Whether the degree reaches the criterion's threshold.",
  "systems[].axes.<axis>.criteria[].status":
    "`met`, `unmet`, `no_data` when there was nothing to judge, or `waived` when a waiver in force lets an unmet criterion count as met.",
  "systems[].axes.<axis>.criteria[].evidence": `Ids of the events the degree was computed from, newest first, at most ${evidenceIdCap}.`,
  "systems[].axes.<axis>.criteria[].evidenceCount": "How many events there were in all.",
  "systems[].axes.<axis>.criteria[].aheadOfFoundation":
    "Met, but above the first level not consolidated, so not credited yet.",
  "systems[].axes.<axis>.aheadOfFoundation": "The ids of those criteria.",
  "systems[].metrics": "The operational metrics (see below).",
  "systems[].metrics.deploymentsPerWeek": metricNotes.deploymentsPerWeek.means,
  "systems[].metrics.leadTimeHours": metricNotes.leadTime.means,
  "systems[].metrics.leadTimeHours.p50": "Median.",
  "systems[].metrics.leadTimeHours.p90": "90th percentile.",
  "systems[].metrics.changeFailureRate": metricNotes.changeFailureRate.means,
  "systems[].metrics.timeToRecoveryHours": metricNotes.timeToRecovery.means,
  "systems[].metrics.timeToRecoveryHours.p50": "Median.",
  "systems[].metrics.costUsdByFeature": "LLM spend in USD per product feature.",
  "systems[].metrics.unattributedCostShare": "The share of spend with no feature.",
  "systems[].metrics.auditResponseHours": metricNotes.auditResponse.means,
  "systems[].metrics.auditResponseHours.p50": "Median.",
  "systems[].metrics.bands": "Where each metric's value sits among the maturity levels.",
  "systems[].metrics.bands.<metric>.level": "The level the value corresponds to; null without data.",
  "systems[].metrics.bands.<metric>.label": "The band in words (`several times a week`, `no data`).",
  "systems[].metrics.bands.<metric>.dora":
    "The DORA performance cluster, for the metrics DORA defines; null for the others and without data.",
  "systems[].metrics.windowDays":
    "The window the metrics cover, in days (separate from the criteria's window).",
  "systems[].waivers":
    "The waivers in force (`gov.waiver.granted`, not revoked, not expired); absent when there are none.",
  "systems[].waivers[].criterionId": "The criterion waived: it reports status `waived` and counts as met.",
  "systems[].waivers[].reason": "Why, as the grant says.",
  "systems[].waivers[].approver": "Who approved it.",
  "systems[].waivers[].grantedAt": "When it was granted (the event's time).",
  "systems[].waivers[].expiresAt":
    "When it stops counting: the grant's expiry, or sooner when the policy caps a waiver's length.",
  "systems[].waivers[].eventId": "The `gov.waiver.granted` event.",
  "systems[].risks": "The system's risks, highest rank first.",
  "systems[].risks[].kind": "What kind of risk (see below).",
  "systems[].risks[].systemId": "The system; absent on team-level risks.",
  "systems[].risks[].team": "The team it belongs to.",
  "systems[].risks[].rank": "Severity × exposure × likelihood; the higher, the more urgent.",
  "systems[].risks[].axes": "The axes involved.",
  "systems[].risks[].summary": "The risk in a sentence, with the numbers behind it.",
  "systems[].risks[].nextUpgrade": "What to do about it, in the order the maturity model recommends.",
  "systems[].risks[].evidence": `Ids of the events behind it, at most ${evidenceIdCap}.`,
  teams: "One rollup per team, over its systems that are not retired.",
  "teams[].team": "The team.",
  "teams[].systemCount": "Systems counted in the rollup.",
  "teams[].tracks": "Per track, the median score per axis of the team's systems of that kind.",
  "teams[].tracks.<track>": "One track's medians.",
  "teams[].tracks.<track>.<axis>": "The median score; null when the track has no systems.",
  "teams[].trackGap":
    "Per axis, the classical median minus the median of the LLM and agent systems together: positive when LLM operations lag.",
  "teams[].trackGap.<axis>": "The gap; null when either side has no systems.",
  org: "The same rollups over the whole organisation.",
  "org.tracks": "Per track, the median score per axis of every system of that kind.",
  "org.trackGap": "The organisation's classical-minus-LLM gap per axis.",
  "org.trackGap.<axis>": "The gap; null when either side has no systems.",
  "org.risks": "Every risk of every system and team, highest rank first.",
  "systems[].forecast":
    "Per axis, when the next level is expected at the pace of the score history, beside the usual duration of that step; absent when the report was made without history.",
  "systems[].forecast.<axis>": "One axis's forecast.",
  ...axisForecastNotes("systems[].forecast.<axis>"),
  ...rollupForecastNotes("teams[].forecast"),
  // The same shape as a team's: the table points there.
  "org.forecast": "The same forecasts over the whole organisation.",
};

/** Objects keyed by every axis, track or metric are one `<axis>` (…) row, not a row per key. */
export const reportPlaceholders = [
  { keys: axes, name: "axis" },
  { keys: systemKindSchema.options, name: "track" },
  { keys: metricNames, name: "metric" },
];
