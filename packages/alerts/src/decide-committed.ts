// Deciding from what the worker commits. A system's rules are decided from its report before and
// after the transaction that re-scores it (a batch, a periodic re-score, a policy change); the
// organisation's rules from the rollup before and after the transaction that replaces it. Either
// way the alerts are written to the outbox in that same transaction.
import { axes, type ScoreReport, type SystemReport, type TrackGap } from "@maturity/model";
import type { Rubric } from "@maturity/model/rubric";
import type { Alert } from "./alert.ts";
import type { AlertKind, AlertRule } from "./alerts-schema.ts";
import { decideAlerts, gapHistoryDays } from "./decide.ts";
import { dayMs } from "./rules/context.ts";
import { evidenceKindsOf, snapshotFromReport, systemSnapshot } from "./snapshot-from-report.ts";
import type { AlertSnapshot, CampaignSnapshot, GapPoint, RankedRisk, RollupSnapshot } from "./snapshot.ts";

/** Which committed change decides each kind of rule: a system's re-score, or the organisation's rollup. */
export const alertKindScopes = {
  level_dropped: "system",
  evidence_stale: "system",
  waiver_expiring: "system",
  risk_entered_top: "organisation",
  gap_widened: "organisation",
  campaign_off_track: "organisation",
} as const satisfies Record<AlertKind, "system" | "organisation">;

const rulesOfScope = (rules: readonly AlertRule[], scope: "system" | "organisation") =>
  rules.filter((rule) => alertKindScopes[rule.kind] === scope);

// A system's rules read no rollup: its snapshots carry an empty one.
const noGap = Object.fromEntries(axes.map((axis) => [axis, null])) as TrackGap;
const noRollups: AlertSnapshot["rollups"] = {
  org: { tracks: { classical: noGap, llm: noGap, agent: noGap }, trackGap: noGap, history: [] },
  teams: {},
};

export interface SystemChangeInput {
  rules: readonly AlertRule[];
  rubric: Pick<Rubric, "criteria">;
  /** The system's report before the change and the time it was scored as of; none the first time. */
  before: { report: SystemReport; asOf: string } | undefined;
  after: SystemReport;
  /** What identifies the committed state: the change's cause (its newest event, or the re-score's time). */
  stateId: string;
  /** The time the system was re-scored as of. */
  now: Date;
}

/** The alerts of the system-scoped rules for one system's committed re-score. */
export function decideSystemAlerts(input: SystemChangeInput): Alert[] {
  const rules = rulesOfScope(input.rules, "system");
  if (rules.length === 0 || input.before === undefined || input.before.report.retired || input.after.retired)
    return [];
  const evidenceKinds = evidenceKindsOf(input.rubric);
  const snapshot = (report: SystemReport, asOf: string, stateId: string): AlertSnapshot => ({
    stateId,
    asOf,
    systems: [systemSnapshot(report, evidenceKinds)],
    risks: [],
    rollups: noRollups,
  });
  return decideAlerts({
    rules,
    before: snapshot(input.before.report, input.before.asOf, ""),
    after: snapshot(input.after, input.now.toISOString(), input.stateId),
    now: input.now,
  });
}

/**
 * What the organisation's rules compare the next rollup with: the last one's risks and track gaps,
 * and how deep the risk rankings were kept (a rule asking for a deeper top waits one rollup).
 */
export type OrgAlertState = Omit<AlertSnapshot, "systems" | "stateId"> & { keptTop?: TopDepths };

interface TopDepths {
  org: number;
  team: number;
}

export interface OrgChangeInput {
  rules: readonly AlertRule[];
  rubric: Pick<Rubric, "criteria">;
  /** The state saved by the last decision; null the first time (nothing is decided then). */
  before: OrgAlertState | null;
  /** The rollup just assembled from every system's report. */
  after: ScoreReport;
  /** The campaigns campaign_off_track rules watch, evaluated as of the rollup (none without such rules). */
  campaigns?: CampaignSnapshot[];
}

/** How far apart kept gap points are: enough to find a period's start, few enough to keep in one row. */
const gapPointSpacingMs = 60 * 60 * 1000;

/** The alerts of the organisation-scoped rules for a committed rollup, and the state to save with them. */
export function decideOrgAlerts(input: OrgChangeInput): { alerts: Alert[]; state: OrgAlertState } {
  const rules = rulesOfScope(input.rules, "organisation");
  const keepDays = gapHistoryDays(rules);
  const before = input.before;
  const now = new Date(input.after.asOf);
  const history = (of: (state: OrgAlertState) => RollupSnapshot | undefined) =>
    before === null ? [] : (of(before)?.history ?? []);
  const rollupSnapshot = snapshotFromReport(input.after, {
    stateId: `rollup:${input.after.asOf}`,
    rubric: input.rubric,
    gapHistory: {
      org: history((state) => state.rollups.org),
      teams: Object.fromEntries(
        input.after.teams.map((team) => [team.team, history((state) => state.rollups.teams[team.team])]),
      ),
    },
  });
  const after: AlertSnapshot =
    input.campaigns === undefined ? rollupSnapshot : { ...rollupSnapshot, campaigns: input.campaigns };
  // A ranking kept shallower than a rule's top (the rule is new, or asks for more) cannot say
  // what was in that top before: the rule decides from the next rollup on, not on every risk.
  const comparable = rules.filter(
    (rule) =>
      rule.kind !== "risk_entered_top" ||
      before === null ||
      before.keptTop === undefined ||
      rule.top <= before.keptTop[rule.scope],
  );
  const alerts =
    before === null || comparable.length === 0
      ? []
      : decideAlerts({ rules: comparable, before: { ...before, stateId: "", systems: [] }, after, now });
  // The gap history moves on: the state just left becomes a point (at most one an hour), and
  // points older than the longest period are dropped but for the one that period starts from.
  const kept = (rollup: RollupSnapshot, prior: RollupSnapshot | undefined): RollupSnapshot => ({
    ...rollup,
    history:
      keepDays === 0 || before === null || prior === undefined
        ? []
        : prunedHistory(rollup.history, { at: before.asOf, trackGap: prior.trackGap }, now, keepDays),
  });
  const keptTop = topDepths(rules);
  const state: OrgAlertState = {
    asOf: after.asOf,
    risks: risksWorthKeeping(after.risks, keptTop),
    keptTop,
    ...(input.campaigns !== undefined && { campaigns: input.campaigns }),
    rollups: {
      org: kept(after.rollups.org, before?.rollups.org),
      teams: Object.fromEntries(
        Object.entries(after.rollups.teams).map(([team, rollup]) => [
          team,
          kept(rollup, before?.rollups.teams[team]),
        ]),
      ),
    },
  };
  return { alerts, state };
}

function prunedHistory(
  history: readonly GapPoint[],
  point: GapPoint,
  now: Date,
  keepDays: number,
): GapPoint[] {
  const last = history.at(-1);
  const points =
    last !== undefined && Date.parse(point.at) - Date.parse(last.at) < gapPointSpacingMs
      ? [...history]
      : [...history, point];
  const start = now.getTime() - keepDays * dayMs;
  const firstInside = points.findIndex((p) => Date.parse(p.at) > start);
  // Keep the last point at or before the start: it is the baseline of the longest period.
  if (firstInside === -1) return points.slice(-1);
  return points.slice(Math.max(0, firstInside - 1));
}

// The next decision ranks only the top of each list: the risks inside the largest top N of the
// organisation or of their team are all it needs (in rank order, they rank the same).
function risksWorthKeeping(risks: readonly RankedRisk[], depths: TopDepths): RankedRisk[] {
  const seenInTeam = new Map<string, number>();
  return risks.filter((risk, index) => {
    const inTeam = (seenInTeam.get(risk.team) ?? 0) + 1;
    seenInTeam.set(risk.team, inTeam);
    return index < depths.org || inTeam <= depths.team;
  });
}

/** The deepest top N of the organisation's and of a team's ranking the rules ask about. */
function topDepths(rules: readonly AlertRule[]): TopDepths {
  const deepest = (scope: "org" | "team") =>
    Math.max(
      0,
      ...rules.map((rule) => (rule.kind === "risk_entered_top" && rule.scope === scope ? rule.top : 0)),
    );
  return { org: deepest("org"), team: deepest("team") };
}
