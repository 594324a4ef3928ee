// The gap between classical and LLM/agent systems (organisation or team medians) on an axis grew by
// at least `by` since the start of the period. It fires when this change carries it over the
// threshold, not on every re-score while it stays over.
import { axes, type Axis } from "@maturity/model";
import type { AlertOf, AlertSubject } from "../alert.ts";
import type { GapWidenedRule } from "../alerts-schema.ts";
import type { GapPoint, RollupSnapshot } from "../snapshot.ts";
import { allows, compare, dayMs, makeAlert, type DecisionContext } from "./context.ts";

// Medians of scores are decimals: a widening of exactly `by` must not miss by a rounding error.
const tolerance = 1e-9;

export function gapWidened(rule: GapWidenedRule, context: DecisionContext): AlertOf<"gap_widened">[] {
  const alerts: AlertOf<"gap_widened">[] = [];
  const periodStart = context.now.getTime() - rule.periodDays * dayMs;
  for (const scope of scopes(rule, context)) {
    const points: GapPoint[] = [...scope.after.history];
    if (scope.before !== undefined) points.push({ at: context.before.asOf, trackGap: scope.before.trackGap });
    for (const axis of axes) {
      if (!allows(rule.axes, axis)) continue;
      const after = scope.after.trackGap[axis];
      const baseline = gapAt(points, axis, periodStart);
      if (after === null || baseline === undefined) continue;
      const before = scope.before?.trackGap[axis] ?? null;
      const widenedBy = Math.abs(after) - Math.abs(baseline.gap);
      const wasWide = before !== null && Math.abs(before) - Math.abs(baseline.gap) >= rule.by - tolerance;
      if (widenedBy < rule.by - tolerance || wasWide) continue;
      const lagging =
        after > 0 ? "LLM/agent systems trail classical ones" : "classical systems trail LLM/agent ones";
      alerts.push(
        makeAlert(rule, context, {
          subject: scope.subject,
          change: {
            scope: rule.scope,
            ...(scope.subject.type === "team" && { team: scope.subject.team }),
            axis,
            periodDays: rule.periodDays,
            by: rule.by,
            baseline,
            before,
            after,
            widenedBy,
          },
          changeKey: `${axis}:${after}`,
          evidence: [],
          summary: `${scope.label}: on ${axis}, ${lagging} by ${fmt(Math.abs(after))}, ${fmt(widenedBy)} wider than on ${baseline.at.slice(0, 10)} (${fmt(baseline.gap)} → ${fmt(after)}).`,
        }),
      );
    }
  }
  return alerts;
}

interface Scope {
  subject: AlertSubject;
  label: string;
  before: RollupSnapshot | undefined;
  after: RollupSnapshot;
}

function scopes(rule: GapWidenedRule, context: DecisionContext): Scope[] {
  const { before, after } = context;
  if (rule.scope === "org")
    return [
      {
        subject: { type: "org" },
        label: "Organisation",
        before: before.rollups.org,
        after: after.rollups.org,
      },
    ];
  return Object.keys(after.rollups.teams)
    .filter((team) => allows(rule.teams, team))
    .sort(compare)
    .map((team) => ({
      subject: { type: "team", team },
      label: `Team ${team}`,
      before: before.rollups.teams[team],
      after: after.rollups.teams[team] as RollupSnapshot,
    }));
}

/**
 * The gap the period started from: the latest point at or before its start, or, when the history
 * is shorter than the period, the oldest point known.
 */
function gapAt(
  points: readonly GapPoint[],
  axis: Axis,
  start: number,
): { at: string; gap: number } | undefined {
  let atStart: { time: number; at: string; gap: number } | undefined;
  let oldest: { time: number; at: string; gap: number } | undefined;
  for (const point of points) {
    const gap = point.trackGap[axis];
    const time = Date.parse(point.at);
    if (gap === null || Number.isNaN(time)) continue;
    if (time <= start && (atStart === undefined || time > atStart.time))
      atStart = { time, at: point.at, gap };
    if (oldest === undefined || time < oldest.time) oldest = { time, at: point.at, gap };
  }
  const found = atStart ?? oldest;
  return found === undefined ? undefined : { at: found.at, gap: found.gap };
}

function fmt(value: number): string {
  return value.toFixed(2);
}
