// Risks of one system: axis mismatch, ahead of foundation, stale evidence, metric breaches.
import {
  axes,
  type Axis,
  type CriterionResult,
  type Metrics,
  type Risk,
  type SystemAxes,
} from "@maturity/model";
import type { Rubric } from "@maturity/model/rubric";
import { concatenated } from "../concat.ts";
import { criterionById } from "../rubric-index.ts";
import type { SystemIdentity } from "../views/catalog.ts";
import { exposure, likelihood, rankOf } from "./exposure.ts";
import { nextUpgrade, upgradeForLevel } from "./next-upgrade.ts";

export interface SystemRiskInput {
  identity: SystemIdentity;
  axes: SystemAxes;
  metrics: Metrics;
  /** Per axis, the activity criteria whose evidence aged out of their window, with that old evidence. */
  stale: Record<Axis, StaleCriterion[]>;
  /** Evidence behind the metrics a breach cites, as computed with them. */
  changeFailureEvidence: readonly string[];
  recoveryEvidence: readonly string[];
  rubric: Rubric;
}

export interface StaleCriterion {
  id: string;
  evidence: string[];
  /** The criterion's evidence window: the run's, or its own. */
  windowDays: number;
}

/** A gap of one whole level between two axes is a mismatch worth naming. */
export const mismatchGap = 1;
const evidenceCap = 20;

// What a lagging axis means when another one runs ahead of it.
const laggingConsequence: Record<Axis, string> = {
  reproducibility: "what runs in production cannot be rebuilt reliably",
  evaluation: "changes reach users faster than their quality is measured",
  deployment: "releases stay slow and manual while the rest is ready",
  observability: "problems in production would go unnoticed",
  governance: "changes outpace ownership, review and audit",
};

// Shipping ahead of measuring is the article's classic failure mode: weigh it up.
function mismatchWeight(leader: Axis, lagger: Axis): number {
  return leader === "deployment" && (lagger === "evaluation" || lagger === "observability") ? 1.5 : 1;
}

// Capitalised axis names, made once rather than for every risk text.
const labels = Object.fromEntries(
  axes.map((axis) => [axis, axis.charAt(0).toUpperCase() + axis.slice(1)]),
) as Record<Axis, string>;
const label = (axis: Axis) => labels[axis];
const fmt = (n: number) => n.toFixed(2);

/** Adds the newest evidence id of each met (or unmet) criterion of the axis, up to the cap. */
function addAxisEvidence(
  ids: string[],
  input: SystemRiskInput,
  axis: Axis,
  which: "met" | "unmet",
): string[] {
  for (const c of input.axes[axis].criteria) {
    const id = c.evidence[0];
    if (ids.length < evidenceCap && c.met === (which === "met") && id !== undefined) ids.push(id);
  }
  return ids;
}

export function systemRisks(input: SystemRiskInput): Risk[] {
  const { identity } = input;
  const { systemId, team } = identity;
  const factor = exposure(identity.kind, identity.riskTier) * likelihood(input.metrics.deploymentsPerWeek);
  const risks: Risk[] = [];

  for (const lagger of axes) {
    // The leader with the largest weighted gap (the first of equals), kept in locals: no object
    // per candidate.
    let leader: Axis | undefined;
    let severity = 0;
    let gap = 0;
    const lag = input.axes[lagger];
    for (const candidate of axes) {
      const candidateGap = input.axes[candidate].score - lag.score;
      if (candidate === lagger || candidateGap < mismatchGap) continue;
      const candidateSeverity = candidateGap * mismatchWeight(candidate, lagger);
      if (leader === undefined || candidateSeverity > severity) {
        leader = candidate;
        severity = candidateSeverity;
        gap = candidateGap;
      }
    }
    if (leader === undefined) continue;
    const lead = input.axes[leader];
    // Properties in the order of the base spread they replace (the report's JSON keeps it).
    risks.push({
      kind: "axis_mismatch",
      systemId,
      team,
      rank: rankOf(severity, factor, 1),
      axes: [leader, lagger],
      summary: `${label(leader)} (level ${lead.level}, ${fmt(lead.score)}) is ${fmt(gap)} ahead of ${lagger} (level ${lag.level}, ${fmt(lag.score)}): ${laggingConsequence[lagger]}.`,
      nextUpgrade: nextUpgrade(lagger, lag, input.rubric),
      // Copied to its exact length: the report keeps it (a pushed-to array keeps spare room).
      evidence: addAxisEvidence(addAxisEvidence([], input, lagger, "unmet"), input, leader, "met").slice(),
    });
  }

  for (const axis of axes) {
    const score = input.axes[axis];
    // Practices, not outcomes: a good metric (say, no failed changes yet) is no brittle foundation.
    // Most axes have none ahead: the list is only made for those that do.
    if (!score.criteria.some((c) => isAheadPractice(c, input.rubric))) continue;
    const ahead = score.criteria.filter((c) => isAheadPractice(c, input.rubric));
    const reach = Math.max(...ahead.map((c) => c.level)) - (score.level + 1);
    risks.push({
      kind: "ahead_of_foundation",
      systemId,
      team,
      rank: rankOf(0.5 * reach, factor, 1),
      axes: [axis],
      summary: `${label(axis)}: ${ahead.length} practice(s) above level ${score.level + 1} are in place while level ${score.level + 1} is not consolidated; they earn no credit and rest on a weak base (${ahead.map((c) => c.id).join(", ")}).`,
      nextUpgrade: nextUpgrade(axis, score, input.rubric),
      evidence: concatenated(
        ahead.map((c) => c.evidence),
        evidenceCap,
      ),
    });
  }

  for (const axis of axes) {
    const stale = input.stale[axis];
    if (stale.length === 0) continue;
    risks.push({
      kind: "stale_evidence",
      systemId,
      team,
      rank: rankOf(Math.min(1, 0.25 * stale.length), factor, 1),
      axes: [axis],
      summary: `${label(axis)}: evidence for ${stale.length} criterion(s) is older than ${windowText(stale)}, so the practice may have lapsed (${stale.map((c) => c.id).join(", ")}).`,
      nextUpgrade: `Show the practice is still running, or retire it knowingly. ${upgradeForLevel(input.axes[axis].level)}`,
      evidence: concatenated(
        stale.map((c) => c.evidence),
        evidenceCap,
      ),
    });
  }

  metricBreaches(input, systemId, team, factor, risks);
  return risks;
}

// A waiver is no practice in place: a waived criterion ahead of the foundation is no brittle one.
const isAheadPractice = (c: CriterionResult, rubric: Rubric) =>
  c.aheadOfFoundation && c.status !== "waived" && criterionById(rubric, c.id)?.degree.rule !== "metric";

/** "the 90-day window", or, when criteria with windows of their own differ, each window. */
function windowText(stale: readonly StaleCriterion[]): string {
  const first = (stale[0] as StaleCriterion).windowDays;
  if (stale.every((c) => c.windowDays === first)) return `the ${first}-day window`;
  const days = [...new Set(stale.map((c) => c.windowDays))].sort((a, b) => a - b);
  return `their windows (${days.join(", ")} days)`;
}

/** Appends the metric breaches to `risks`. */
function metricBreaches(
  input: SystemRiskInput,
  systemId: string,
  team: string,
  factor: number,
  risks: Risk[],
): void {
  const { metrics } = input;
  const cfr = metrics.changeFailureRate;
  const deploymentLevel = input.axes.deployment.level;
  // Beyond the level-3 band (15–25%) always; a system claiming level 4 must stay below 10%.
  if (cfr !== null && (cfr > 0.25 || (deploymentLevel >= 4 && cfr >= 0.1))) {
    risks.push({
      kind: "metric_breach",
      systemId,
      team,
      rank: rankOf(Math.min(2, cfr / 0.25), factor, 1),
      axes: ["deployment", "evaluation"],
      summary: `Change failure rate is ${(cfr * 100).toFixed(0)}% over ${metrics.windowDays} days (level 3 sits at 15–25%, level 4 below 10%).`,
      nextUpgrade: upgradeForLevel(3),
      evidence: input.changeFailureEvidence.slice(0, evidenceCap),
    });
  }
  const ttr = metrics.timeToRecoveryHours.p50;
  const observabilityLevel = input.axes.observability.level;
  if (ttr !== null && (ttr > 24 || (observabilityLevel >= 4 && ttr >= 1))) {
    risks.push({
      kind: "metric_breach",
      systemId,
      team,
      rank: rankOf(Math.min(2, Math.max(0.5, ttr / 24)), factor, 1),
      axes: ["observability", "deployment"],
      summary: `Median time to recovery is ${fmt(ttr)} hours over ${metrics.windowDays} days (level 4 recovers in under an hour).`,
      nextUpgrade: upgradeForLevel(3),
      evidence: input.recoveryEvidence.slice(0, evidenceCap),
    });
  }
}
