// The demo organisation, scored week by week and forecast by the real scorer, tells the story its
// trajectories plan: typical climbs, a fast team, stalled teams, a regression, the LLM/agent track
// closing the gap on the axes it works on and falling behind on the others, and a campaign with
// some systems off track.
import { axes, parseEvent, type Axis, type SystemReport } from "@maturity/model";
import {
  addForecasts,
  defaultForecastWindowDays,
  evaluateCampaign,
  evolve,
  historyFromReports,
  initialFacts,
  sampleTimes,
  scoreOrg,
} from "@maturity/scoring";
import { describe, expect, it } from "vitest";
import {
  climbingAxes,
  demoCampaigns,
  demoDefaults,
  organisationHistory,
  planOrganisation,
  regressingAxes,
  type TrajectoryName,
} from "./index.ts";

const end = Date.parse("2026-11-24T00:00:00Z");

describe.each([1, 2])("the default demo organisation's forecasts (seed %i)", (seed) => {
  const options = { ...demoDefaults, seed, llmCallsPerDay: 4, end };
  const plan = planOrganisation(options);
  const facts = initialFacts();
  for (const event of organisationHistory(plan, options)) {
    const parsed = parseEvent(event);
    if (parsed.ok) evolve(facts, parsed.event);
  }
  // The organisation's history as the CLI reads a file's: scored as of every week back.
  const reports = sampleTimes(end, defaultForecastWindowDays).map((asOf) => scoreOrg(facts, { asOf }));
  const history = historyFromReports(reports);
  const report = addForecasts(reports.at(-1)!, history);

  /** The forecasts of the axes each system's team trajectory moves, pooled per trajectory. */
  function movingForecasts(trajectory: TrajectoryName) {
    return report.systems
      .filter((system) => plan.trajectories.get(system.team) === trajectory)
      .flatMap((system) => movingAxes(system, trajectory).map((axis) => system.forecast![axis]));
  }
  const share = (trajectory: TrajectoryName, status: string) => {
    const forecasts = movingForecasts(trajectory);
    return forecasts.filter((forecast) => forecast.status === status).length / forecasts.length;
  };

  it("plans one fast team, one regressing, typical climbers and stalled teams", () => {
    const named = [...plan.trajectories.values()];
    expect(named.filter((name) => name === "fast")).toHaveLength(1);
    expect(named.filter((name) => name === "regressing")).toHaveLength(1);
    expect(named.filter((name) => name === "typical").length).toBeGreaterThanOrEqual(3);
    expect(named.filter((name) => name === "stalled").length).toBeGreaterThanOrEqual(2);
  });

  it("has typical teams climbing, some within the typical duration of the step", () => {
    expect(share("typical", "improving")).toBeGreaterThanOrEqual(0.4);
    expect(movingForecasts("typical").some((forecast) => forecast.pace === "within")).toBe(true);
  });

  it("has the fast team climbing ahead of the typical pace", () => {
    expect(share("fast", "improving")).toBeGreaterThanOrEqual(0.4);
    expect(movingForecasts("fast").some((forecast) => forecast.pace === "ahead")).toBe(true);
  });

  it("has the stalled teams mostly not improving, and the regressing team declining", () => {
    expect(share("stalled", "improving")).toBeLessThanOrEqual(0.15);
    expect(share("regressing", "declining")).toBeGreaterThanOrEqual(0.4);
    const regressing = [...plan.trajectories].find(([, name]) => name === "regressing")![0];
    const team = report.teams.find((t) => t.team === regressing)!;
    const declining = (["classical", "llm", "agent"] as const).flatMap((track) =>
      regressingAxes.map((axis) => team.forecast!.tracks[track][axis]?.status),
    );
    expect(declining).toContain("declining");
  });

  it("has the LLM/agent track closing the gap on the axes it works on, and not on the others", () => {
    const gap = report.org.forecast!.gap;
    for (const axis of climbingAxes.llm) {
      expect(gap[axis].status, axis).toBe("closing");
      expect(Date.parse(gap[axis].closesOn!.date)).toBeGreaterThan(end);
    }
    for (const axis of climbingAxes.classical) expect(gap[axis].status, axis).toBe("widening");
    const still = axes.filter((axis) => ![...climbingAxes.llm, ...climbingAxes.classical].includes(axis));
    for (const axis of still) expect(gap[axis].status, axis).toBe("steady");
  });

  it("has the demo campaign's high-risk LLM/agent systems partly on track and partly off", () => {
    const [campaign] = demoCampaigns(options);
    const members = report.systems.map((system) => ({
      ...system,
      history: history.get(system.systemId)!,
    }));
    const progress = evaluateCampaign(campaign!, members, { asOf: end });
    expect(progress.inScope).toBeGreaterThanOrEqual(6);
    // Some already there, some on their way, some that will miss the deadline.
    expect(progress.meeting).toBeGreaterThan(0);
    expect(progress.onTrack).toBeGreaterThan(progress.meeting);
    expect(progress.atRisk.length).toBeGreaterThan(0);
    // The burn-up climbs over the history.
    expect(progress.burnUp.at(-1)!.meeting).toBeGreaterThan(progress.burnUp[0]!.meeting);
  });
});

function movingAxes(system: SystemReport, trajectory: TrajectoryName): readonly Axis[] {
  if (trajectory === "regressing") return regressingAxes;
  return climbingAxes[system.kind === "classical" ? "classical" : "llm"];
}
