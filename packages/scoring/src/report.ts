// Facts → score report (docs/score-report.md): per system criteria, axes, metrics and risks; then rollups.
import {
  axes,
  type Axis,
  type AxisScore,
  type CriterionResult,
  type Risk,
  type ScoreReport,
  type SystemAxes,
  type SystemReport,
  type TeamRollup,
} from "@maturity/model";
import { scoreAxis } from "./axis-score.ts";
import { concatenated } from "./concat.ts";
import { evaluateCriterion } from "./criteria/evaluate.ts";
import { EvidenceCollector } from "./criteria/evidence.ts";
import { criteriaFor } from "./criteria/plan.ts";
import { listedWaivers, waiversInForce } from "./criteria/waivers.ts";
import { WholeViews } from "./criteria/whole-view.ts";
import { WindowInputs } from "./criteria/window-inputs.ts";
import type { CriterionDefinition } from "@maturity/model/rubric";
import type { OrgFacts, QueueFacts, SystemFacts } from "./facts/types.ts";
import { computeMetricsWithEvidence } from "./metrics/index.ts";
import { resolveOptions, type ResolvedOptions, type ScoreOptions } from "./options.ts";
import { compareRisks, sortedRisks } from "./risks/order.ts";
import { systemRisks, type StaleCriterion } from "./risks/system-risks.ts";
import { trackGapRisk } from "./risks/track-gap.ts";
import { rollupTracks, type ScoredSystem } from "./rollups.ts";
import { sortInPlace } from "./small-sort.ts";
import { dayMs } from "./time.ts";
import { firstSeen, resolveIdentity } from "./views/catalog.ts";
import { PopulationViews } from "./views/populations.ts";

/**
 * Scores one system as of `options.asOf`, or returns null when it has no facts at or before then.
 * `queues` are the org's GPU queue facts (for the queueing criterion).
 */
export function scoreSystem(
  facts: SystemFacts,
  options: ScoreOptions,
  queues: Record<string, QueueFacts> = {},
): SystemReport | null {
  return scoreResolved(facts, resolveOptions(options), queues);
}

function scoreResolved(
  facts: SystemFacts,
  options: ResolvedOptions,
  queues: Record<string, QueueFacts>,
): SystemReport | null {
  const { asOf, rubric, windowDays, metricsWindowDays } = options;
  // Cadence rules judge a system younger than the window on the weeks it has existed: a fact a day
  // before the window shows it is not, so the search can stop there.
  let since = firstSeen(facts, asOf, asOf - (windowDays + 1) * dayMs);
  if (since === null) return null;
  const identity = resolveIdentity(facts, asOf);
  const plan = criteriaFor(rubric, identity);
  // A criterion's own window may reach further back than the run's: so must the search.
  if (plan.longestWindowDays > windowDays)
    since = firstSeen(facts, asOf, asOf - (plan.longestWindowDays + 1) * dayMs) as number;
  const views = new PopulationViews({
    facts,
    identity,
    queues,
    asOf,
    windowStart: asOf - windowDays * dayMs,
  });

  const collector = new EvidenceCollector();
  const inputs = new WindowInputs({
    views,
    since,
    windowDays,
    evidence: collector,
    whole: new WholeViews(views, collector),
  });
  const waivers = waiversInForce(facts.waivers, rubric, asOf);
  const systemAxes = {} as SystemAxes;
  const stale = {} as Record<Axis, StaleCriterion[]>;
  for (const axis of axes) {
    const onAxis = plan.byAxis[axis];
    const results = new Array<CriterionResult>(onAxis.length); // exact size: the report keeps it
    const staleOnAxis: StaleCriterion[] = [];
    for (let i = 0; i < onAxis.length; i++) {
      const criterion = onAxis[i] as CriterionDefinition;
      const input = inputs.of(criterion);
      const outcome = evaluateCriterion(criterion, input, waivers?.get(criterion.id));
      results[i] = outcome.result;
      if (outcome.staleEvidence.length > 0)
        staleOnAxis.push({
          id: outcome.result.id,
          evidence: outcome.staleEvidence,
          windowDays: input.windowDays,
        });
    }
    systemAxes[axis] = presentable(scoreAxis(results));
    stale[axis] = staleOnAxis;
  }
  const { metrics, changeFailureEvidence, recoveryEvidence } = computeMetricsWithEvidence(
    facts,
    asOf,
    metricsWindowDays,
    views.metricJoins,
  );
  const risks = identity.retired
    ? []
    : systemRisks({
        identity,
        axes: systemAxes,
        metrics,
        stale,
        rubric,
        changeFailureEvidence,
        recoveryEvidence,
      });
  sortInPlace(risks, compareRisks);
  const report: SystemReport = {
    systemId: identity.systemId,
    name: identity.name,
    team: identity.team,
    kind: identity.kind,
    riskTier: identity.riskTier,
    registered: identity.registered,
    retired: identity.retired,
    axes: systemAxes,
    metrics,
    risks,
  };
  // Only when some waiver is in force: reports without waivers stay as they were.
  const listed = listedWaivers(waivers, rubric);
  if (listed !== undefined) report.waivers = listed;
  return report;
}

// Rounded for the report: scores to 2 decimals (never shown as reaching the next level before it
// is consolidated), degrees to 4.
function presentable(score: AxisScore): AxisScore {
  const ceiling = score.level === 5 ? 5 : score.level + 0.99;
  score.score = Math.min(ceiling, Math.round(score.score * 100) / 100);
  for (const c of score.criteria) c.degree = Math.round(c.degree * 10_000) / 10_000;
  return score;
}

/** Scores every system in the facts, then rolls up per team and org. */
export function scoreOrg(facts: OrgFacts, options: ScoreOptions): ScoreReport {
  const resolved = resolveOptions(options);
  const systems: SystemReport[] = [];
  for (const systemId of Object.keys(facts.systems).sort()) {
    const report = scoreResolved(facts.systems[systemId] as SystemFacts, resolved, facts.queues);
    if (report !== null) systems.push(report);
  }
  return assembleResolved(systems, resolved);
}

function scoredSystem(s: SystemReport): ScoredSystem {
  const scores = {} as Record<Axis, number>;
  for (const axis of axes) scores[axis] = s.axes[axis].score;
  return { kind: s.kind, scores };
}

/**
 * Builds the whole report from system reports already scored: team and org rollups and the
 * team-level risks. The worker uses it on stored reports, so it does not re-score every system.
 */
export function assembleReport(systems: SystemReport[], options: ScoreOptions): ScoreReport {
  return assembleResolved(systems, resolveOptions(options));
}

function assembleResolved(systems: SystemReport[], options: ResolvedOptions): ScoreReport {
  const active = systems.filter((s) => !s.retired);
  // Axis scores are read out once per system and shared by its team's rollup and the org's.
  const scored = active.map(scoredSystem);
  const byTeam = new Map<string, { members: SystemReport[]; scored: ScoredSystem[] }>();
  for (let i = 0; i < active.length; i++) {
    const s = active[i] as SystemReport;
    const team = byTeam.get(s.team);
    if (team === undefined) byTeam.set(s.team, { members: [s], scored: [scored[i] as ScoredSystem] });
    else {
      team.members.push(s);
      team.scored.push(scored[i] as ScoredSystem);
    }
  }
  const teams: TeamRollup[] = [];
  const risks: Risk[] = concatenated(active.map((s) => s.risks));
  for (const team of [...byTeam.keys()].sort()) {
    const { members, scored: teamScored } = byTeam.get(team) ?? { members: [], scored: [] };
    const rollup: TeamRollup = {
      team,
      systemCount: members.length,
      ...rollupTracks(teamScored),
    };
    teams.push(rollup);
    const gapRisk = trackGapRisk({
      rollup,
      llmSystems: members.filter((s) => s.kind !== "classical"),
    });
    if (gapRisk !== null) risks.push(gapRisk);
  }
  return {
    asOf: new Date(options.asOf).toISOString(),
    rubricVersion: options.rubric.version,
    systems,
    teams,
    org: { ...rollupTracks(scored), risks: sortedRisks(risks) },
  };
}
