// A campaign's progress as of a date: which systems in its scope meet its target, week by week
// (the burn-up), and which will miss the deadline at the pace their score history shows. Pure: the
// caller hands each system's history (and, for a criterion target, whether it was met each week).
import type { Axis, Campaign, CampaignScope, CampaignTarget, RiskTier, SystemKind } from "@maturity/model";
import { defaultForecastWindowDays, type ForecastOptions } from "../forecast/axis-forecast.ts";
import { dayMs, sampleTimes, sortedPoints, valueAt } from "../forecast/samples.ts";
import { forecastAxis, type AxisHistory } from "../forecast/system-forecast.ts";

export interface CampaignMember {
  systemId: string;
  name: string;
  team: string;
  kind: SystemKind;
  riskTier: RiskTier;
  retired: boolean;
  history: AxisHistory;
  /**
   * A criterion target: whether the criterion was met (or waived) at each time asked, e.g. from
   * the system re-scored then. Unused for an axis target, which reads the history.
   */
  criterionMetAt?: (time: number) => boolean;
  /** What to do next toward the target, from the system's report (shown beside a system that will miss). */
  nextUpgrade?: string;
}

/** Why a system in scope will miss the deadline (or cannot be told to make it). */
export type MissReason = "declining" | "not_improving" | "too_slow" | "not_enough_history" | "no_forecast";

export interface CampaignProgress {
  campaignId: string;
  asOf: string;
  deadline: string;
  deadlinePassed: boolean;
  inScope: number;
  meeting: number;
  /** Meeting now, or expected to by the deadline at present pace. */
  onTrack: number;
  /** Weekly, oldest first, ending at asOf. */
  burnUp: { at: string; inScope: number; meeting: number }[];
  /** Systems in scope not meeting the target that will miss it, or whose pace cannot be told; by team, then id. */
  atRisk: {
    systemId: string;
    name: string;
    team: string;
    reason: MissReason;
    /** When the target is expected at present pace (too_slow only). */
    expected: string | null;
    /** The axis score now (axis targets). */
    score: number | null;
    nextUpgrade: string | null;
  }[];
}

export function inCampaignScope(
  scope: CampaignScope,
  member: Pick<CampaignMember, "team" | "kind" | "riskTier" | "retired">,
): boolean {
  return (
    !member.retired &&
    (scope.teams?.includes(member.team) ?? true) &&
    (scope.kinds?.includes(member.kind) ?? true) &&
    (scope.riskTiers?.includes(member.riskTier) ?? true)
  );
}

/** The axis a campaign's target is on: its own, or the one its criterion belongs to. */
export function targetAxis(target: CampaignTarget): Axis {
  return target.kind === "axis_level" ? target.axis : (target.criterionId.split(".")[0] as Axis);
}

export function evaluateCampaign(
  campaign: Campaign,
  members: readonly CampaignMember[],
  options: ForecastOptions,
): CampaignProgress {
  const { asOf } = options;
  const deadline = Date.parse(campaign.deadline);
  const { target } = campaign;
  const scoped = members
    .filter((member) => inCampaignScope(campaign.scope, member))
    .map((member) => {
      // The history of the target's axis (a criterion's is the axis it belongs to); a system
      // "existed" at a time when it had a score by then.
      const points = sortedPoints(member.history[targetAxis(target)]);
      const metAt = (time: number) =>
        target.kind === "axis_level"
          ? (valueAt(points, time)?.level ?? 0) >= target.level
          : (member.criterionMetAt?.(time) ?? false);
      return { member, points, metAt, existedAt: (time: number) => valueAt(points, time) !== undefined };
    });

  const burnUp = sampleTimes(asOf, options.windowDays ?? defaultForecastWindowDays).map((time) => {
    const present = scoped.filter((s) => s.existedAt(time));
    return {
      at: new Date(time).toISOString(),
      inScope: present.length,
      meeting: present.filter((s) => s.metAt(time)).length,
    };
  });

  const now = scoped.filter((s) => s.existedAt(asOf));
  const atRisk: CampaignProgress["atRisk"] = [];
  let meeting = 0;
  for (const { member, points, metAt } of now) {
    if (metAt(asOf)) {
      meeting += 1;
      continue;
    }
    const risk = (reason: MissReason, expected: string | null, score: number | null) =>
      atRisk.push({
        systemId: member.systemId,
        name: member.name,
        team: member.team,
        reason,
        expected,
        score,
        nextUpgrade: member.nextUpgrade ?? null,
      });
    if (target.kind === "criterion_met") {
      // A single criterion has no trend to extrapolate: not met yet is all that can be said.
      risk("no_forecast", null, null);
      continue;
    }
    const forecast = forecastAxis(points, options);
    if (forecast.status !== "improving") {
      risk(forecast.status === "at_top" ? "not_improving" : forecast.status, null, forecast.score);
      continue;
    }
    const perDay = forecast.trend!.slopePerWeek / 7;
    const expected = asOf + ((target.level - forecast.score) / perDay) * dayMs;
    if (expected > deadline) risk("too_slow", new Date(expected).toISOString(), forecast.score);
  }
  atRisk.sort((a, b) => (a.team < b.team ? -1 : a.team > b.team ? 1 : a.systemId < b.systemId ? -1 : 1));
  return {
    campaignId: campaign.id,
    asOf: new Date(asOf).toISOString(),
    deadline: campaign.deadline,
    deadlinePassed: asOf > deadline,
    inScope: now.length,
    meeting,
    onTrack: now.length - atRisk.length,
    burnUp,
    atRisk,
  };
}
