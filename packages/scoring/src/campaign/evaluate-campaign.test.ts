import { axes, type Axis, type Campaign } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { dayMs, type ScorePoint } from "../forecast/samples.ts";
import { evaluateCampaign, type CampaignMember } from "./evaluate-campaign.ts";

const asOf = Date.parse("2026-12-01T00:00:00.000Z");
const at = (daysAgo: number) => new Date(asOf - daysAgo * dayMs).toISOString();

/** Weekly rows of one score line over `weeks`, the same on every axis. */
function history(weeks: number, score: (daysAgo: number) => number): Record<Axis, ScorePoint[]> {
  const points = Array.from({ length: weeks + 1 }, (_, index) => {
    const daysAgo = (weeks - index) * 7;
    const value = Math.min(5, Math.max(1, score(daysAgo)));
    return { at: at(daysAgo), score: value, level: Math.floor(value) };
  });
  return Object.fromEntries(axes.map((axis) => [axis, points])) as Record<Axis, ScorePoint[]>;
}

const member = (systemId: string, overrides: Partial<CampaignMember>): CampaignMember => ({
  systemId,
  name: systemId,
  team: "ml",
  kind: "llm",
  riskTier: "high",
  retired: false,
  history: history(20, () => 2.5),
  nextUpgrade: `next step for ${systemId}`,
  ...overrides,
});

const campaign: Campaign = {
  id: "llm-eval-l3",
  name: "High-risk LLM systems at evaluation level 3",
  scope: { kinds: ["llm", "agent"], riskTiers: ["high"] },
  target: { kind: "axis_level", axis: "evaluation", level: 3 },
  deadline: new Date(asOf + 60 * dayMs).toISOString(),
  owner: "head-of-ml-platform",
};

describe("a campaign's progress", () => {
  const members = [
    // Reached level 3 eight weeks ago.
    member("done", { history: history(20, (d) => (d <= 56 ? 3.2 : 2.6)) }),
    // Climbing 0.1 a week from 2.5 now: level 3 in 35 days, inside the 60.
    member("on-pace", { history: history(20, (d) => 2.5 - (0.1 / 7) * d) }),
    // Climbing 0.01 a week from 2.5: level 3 in 350 days, after the deadline.
    member("slow", { history: history(20, (d) => 2.5 - (0.01 / 7) * d) }),
    member("stalled", {}),
    member("falling", { history: history(20, (d) => 2.5 + d / 300) }),
    // Out of scope: classical, or not high risk, or retired.
    member("classical", { kind: "classical", history: history(20, () => 1.5) }),
    member("limited", { riskTier: "limited", history: history(20, () => 1.5) }),
    member("retired", { retired: true, history: history(20, () => 1.5) }),
  ];

  it("counts the systems in scope meeting the target, and lists those that will miss it with why and what to do", () => {
    const progress = evaluateCampaign(campaign, members, { asOf });
    expect(progress).toMatchObject({ inScope: 5, meeting: 1, onTrack: 2, deadlinePassed: false });
    expect(progress.atRisk.map((r) => [r.systemId, r.reason])).toEqual([
      ["falling", "declining"],
      ["slow", "too_slow"],
      ["stalled", "not_improving"],
    ]);
    const slow = progress.atRisk.find((r) => r.systemId === "slow")!;
    expect(Date.parse(slow.expected!)).toBeCloseTo(asOf + 350 * dayMs, -3);
    expect(slow.nextUpgrade).toBe("next step for slow");
  });

  it("draws the burn-up week by week from the history", () => {
    const { burnUp } = evaluateCampaign(campaign, members, { asOf });
    expect(burnUp.at(-1)).toEqual({ at: at(0), inScope: 5, meeting: 1 });
    // Nine weeks back, "done" had not reached level 3 yet.
    expect(burnUp.find((point) => point.at === at(63))).toEqual({ at: at(63), inScope: 5, meeting: 0 });
    // Before any history, nothing was in scope.
    expect(burnUp[0]).toEqual({ at: at(182), inScope: 0, meeting: 0 });
  });

  it("as of a past date equals its progress then", () => {
    const then = asOf - 63 * dayMs;
    const past = evaluateCampaign(campaign, members, { asOf: then });
    expect(past.meeting).toBe(0);
    expect(past.burnUp.at(-1)).toEqual({ at: at(63), inScope: 5, meeting: 0 });
    // The same weeks in both burn-ups agree.
    const later = evaluateCampaign(campaign, members, { asOf });
    for (const point of past.burnUp) {
      const same = later.burnUp.find((p) => p.at === point.at);
      if (same !== undefined) expect(same).toEqual(point);
    }
  });

  it("a criterion target reads whether it was met each week from the caller", () => {
    const criterionCampaign: Campaign = {
      ...campaign,
      target: { kind: "criterion_met", criterionId: "evaluation.l3.offline-eval-gate" },
    };
    const metSince = asOf - 14 * dayMs;
    const progress = evaluateCampaign(
      criterionCampaign,
      [
        member("gated", { criterionMetAt: (time) => time >= metSince }),
        member("ungated", { criterionMetAt: () => false }),
      ],
      { asOf },
    );
    expect(progress).toMatchObject({ inScope: 2, meeting: 1 });
    expect(progress.atRisk).toEqual([
      expect.objectContaining({ systemId: "ungated", reason: "no_forecast" }),
    ]);
    expect(progress.burnUp.find((p) => p.at === at(21))).toMatchObject({ meeting: 0 });
  });

  it("after the deadline, says it passed", () => {
    expect(evaluateCampaign(campaign, members, { asOf: asOf + 90 * dayMs }).deadlinePassed).toBe(true);
  });
});
