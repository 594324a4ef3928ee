// Example scenarios built from the article's operational signs.
import type { MaturityEvent } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { scoreEvents } from "./score-events.ts";
import { daysBefore, deploy, event, levelTwoSystem, register, weekly } from "./test/builders.ts";
import { criterionOf, systemOf } from "./test/criteria.ts";

const asOf = "2026-11-24T00:00:00.000Z";

describe("deployment far ahead of evaluation", () => {
  // Canary deploys several times a week, fully automated, but nothing is ever evaluated.
  const start = daysBefore(asOf, 200);
  const events: MaturityEvent[] = [
    register("pricing", start, { team: "growth", riskTier: "high" }),
    event("gov.owner.assigned", "pricing", start, { owner: "bob" }),
    event("monitor.configured", "pricing", start, { signal: "infra", alerting: true }),
    ...weekly(asOf, 14, (time, w) =>
      [0, 1, 2].map((d) =>
        deploy("pricing", daysBefore(time, d * 2), {
          deploymentId: `p-${w}-${d}`,
          version: `p-${w}-${d}`,
          strategy: "canary",
          automated: true,
        }),
      ),
    ),
  ];
  const report = scoreEvents(events, { asOf });
  const system = systemOf(report, "pricing");

  it("reaches level 3 on deployment while evaluation stays at level 1", () => {
    expect(system.axes.deployment.level).toBe(3);
    expect(system.axes.evaluation.level).toBe(1);
    expect(criterionOf(system, "evaluation.l2.results-recorded")).toMatchObject({
      status: "unmet",
      degree: 0,
    });
  });

  it("ranks the deployment–evaluation mismatch as the system's and the org's top risk", () => {
    const top = system.risks[0];
    expect(top).toMatchObject({
      kind: "axis_mismatch",
      axes: ["deployment", "evaluation"],
      systemId: "pricing",
    });
    expect(report.org.risks[0]).toEqual(top);
    expect(top?.nextUpgrade).toMatch(/experiment tracking|evaluation/i);
    expect(top?.evidence.length).toBeGreaterThan(0);
    for (let i = 1; i < report.org.risks.length; i++)
      expect(report.org.risks[i - 1]!.rank).toBeGreaterThanOrEqual(report.org.risks[i]!.rank);
  });
});

describe("an LLM system lagging a classical one in the same team", () => {
  const llmEvents: MaturityEvent[] = [
    register("assistant", daysBefore(asOf, 100), { team: "search", kind: "llm", riskTier: "high" }),
    event("llm.call.completed", "assistant", daysBefore(asOf, 3), {
      model: "gpt",
      inputTokens: 100,
      outputTokens: 50,
      latencyMs: 800,
      status: "ok",
    }),
  ];
  const report = scoreEvents([...levelTwoSystem("ranker", asOf, { team: "search" }), ...llmEvents], { asOf });
  const classical = systemOf(report, "ranker");
  const llm = systemOf(report, "assistant");
  const team = report.teams.find((t) => t.team === "search");

  it("rolls the team up per track and computes the gap as classical − llm", () => {
    expect(team?.tracks.classical.evaluation).toBe(classical.axes.evaluation.score);
    expect(team?.tracks.llm.evaluation).toBe(llm.axes.evaluation.score);
    expect(team?.tracks.agent.evaluation).toBeNull();
    for (const axis of [
      "reproducibility",
      "evaluation",
      "deployment",
      "observability",
      "governance",
    ] as const)
      expect(team?.trackGap[axis]).toBeCloseTo(classical.axes[axis].score - llm.axes[axis].score, 2);
    expect(report.org.trackGap.governance).toBeCloseTo(classical.axes.governance.score - 1, 2);
  });

  it("raises a team-level track_gap risk with a team and no system", () => {
    const risk = report.org.risks.find((r) => r.kind === "track_gap");
    expect(risk).toBeDefined();
    expect(risk?.team).toBe("search");
    expect(risk).not.toHaveProperty("systemId");
    expect(risk?.axes?.length).toBeGreaterThan(0);
  });
});

describe("a practice adopted mid-window", () => {
  // Registered long ago; weekly deploys start six weeks before asOf and continue.
  const later = (weeks: number) => new Date(Date.parse(asOf) + weeks * 7 * 86_400_000).toISOString();
  const events: MaturityEvent[] = [
    register("forecast", daysBefore(asOf, 365)),
    ...weekly(later(6), 12, (time, w) => [deploy("forecast", time, { deploymentId: `f-${w}` })]),
  ];
  const at = (time: string) =>
    criterionOf(systemOf(scoreEvents(events, { asOf: time }), "forecast"), "deployment.l2.weekly-deploys");

  it("raises the degree as the window fills, and meets it once the window is full", () => {
    const now = at(asOf);
    const fourWeeksOn = at(later(4));
    const sixWeeksOn = at(later(6));
    expect(now.degree).toBeCloseTo(6 / 12, 4);
    expect(fourWeeksOn.degree).toBeCloseTo(10 / 12, 4);
    expect(sixWeeksOn.degree).toBe(1);
    expect(sixWeeksOn.met).toBe(true);
    const score = (time: string) =>
      systemOf(scoreEvents(events, { asOf: time }), "forecast").axes.deployment.score;
    expect(score(later(4))).toBeGreaterThan(score(asOf));
    expect(score(later(6))).toBeGreaterThan(score(later(4)));
  });
});

describe("evidence that has aged out", () => {
  // The level-2 practices stopped 150 days before asOf; owner and monitor remain configured.
  const stoppedAt = daysBefore(asOf, 150);
  const events = levelTwoSystem("legacy", stoppedAt);
  const before = systemOf(scoreEvents(events, { asOf: stoppedAt }), "legacy");
  const report = scoreEvents(events, { asOf });
  const after = systemOf(report, "legacy");

  it("drops activity criteria to no_data and keeps state criteria", () => {
    expect(criterionOf(before, "reproducibility.l2.runs-tracked").met).toBe(true);
    expect(criterionOf(after, "reproducibility.l2.runs-tracked").status).toBe("no_data");
    expect(criterionOf(after, "deployment.l2.weekly-deploys").status).toBe("no_data");
    expect(criterionOf(after, "governance.l2.named-owner").status).toBe("met");
    expect(criterionOf(after, "observability.l2.infra-metrics").status).toBe("met");
    expect(after.axes.deployment.level).toBe(1);
    expect(after.axes.governance.level).toBe(2);
  });

  it("reports stale evidence with the old event ids", () => {
    const stale = after.risks.filter((r) => r.kind === "stale_evidence");
    expect(stale.map((r) => r.axes?.[0])).toEqual(
      expect.arrayContaining(["reproducibility", "evaluation", "deployment"]),
    );
    for (const risk of stale) expect(risk.evidence.length).toBeGreaterThan(0);
  });
});
