import { axes, scoreReportSchema } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { scoreEvents } from "./score-events.ts";
import { daysBefore, event, levelTwoSystem, register } from "./test/builders.ts";
import { criterionOf, systemOf } from "./test/criteria.ts";

const asOf = "2026-11-24T00:00:00.000Z";

describe("a level-1 ad hoc system", () => {
  // Notebooks, hand deploys from a laptop, no tracking, no evaluation, no owner.
  const events = [
    register("notebook-model", daysBefore(asOf, 300)),
    event("deploy.completed", "notebook-model", daysBefore(asOf, 40), {
      deploymentId: "laptop-1",
      version: "final_v2_really",
      environment: "production",
      strategy: "manual",
      gatedByEval: false,
      automated: false,
      status: "succeeded",
    }),
  ];
  const report = scoreEvents(events, { asOf });
  const system = systemOf(report, "notebook-model");

  it("is level 1 on every axis and the report is valid", () => {
    expect(scoreReportSchema.safeParse(report).success).toBe(true);
    for (const axis of axes) expect(system.axes[axis].level).toBe(1);
  });

  it("reports missing evidence as no_data, not as unmet", () => {
    expect(criterionOf(system, "reproducibility.l2.runs-tracked").status).toBe("no_data");
    expect(criterionOf(system, "governance.l2.named-owner").status).toBe("no_data");
    expect(criterionOf(system, "observability.l2.infra-metrics").status).toBe("no_data");
  });

  it("counts the one deploy it made: 1 of 12 weeks", () => {
    const weekly = criterionOf(system, "deployment.l2.weekly-deploys");
    expect(weekly.status).toBe("unmet");
    expect(weekly.degree).toBeCloseTo(1 / 12, 4);
    expect(system.axes.deployment.score).toBeCloseTo(1 + Math.floor((1 / 12) * 100) / 100, 1);
  });

  it("knows one deploy in 30 days is not zero and not unknown", () => {
    expect(system.metrics.deploymentsPerWeek).toBe(0);
    expect(system.metrics.changeFailureRate).toBeNull();
    expect(system.metrics.leadTimeHours).toEqual({ p50: null, p90: null });
  });
});

describe("a system at level 2 on every axis", () => {
  const report = scoreEvents(levelTwoSystem("churn", asOf), { asOf });
  const system = systemOf(report, "churn");

  it("consolidates level 2 and nothing above on every axis", () => {
    for (const axis of axes) {
      expect(system.axes[axis].level, axis).toBe(2);
      expect(system.axes[axis].score, axis).toBeGreaterThanOrEqual(2);
      expect(system.axes[axis].score, axis).toBeLessThan(3);
      for (const c of system.axes[axis].criteria.filter((c) => c.level === 2))
        expect(c.status, c.id).toBe("met");
    }
  });

  it("scores each axis as 2 + mean degree of its level-3 criteria", () => {
    for (const axis of axes) {
      const level3 = system.axes[axis].criteria.filter((c) => c.level === 3);
      const expected = 2 + level3.reduce((s, c) => s + c.degree, 0) / level3.length;
      expect(system.axes[axis].score, axis).toBeCloseTo(expected, 2);
    }
  });

  it("deploys weekly: 14 deploys over the last 14 weeks, ~1 a week in 30 days", () => {
    // Deploys 1, 8, 15, 22, 29 days before asOf fall in the 30-day window: 5 ÷ (30/7) weeks.
    expect(system.metrics.deploymentsPerWeek).toBeCloseTo(5 / (30 / 7), 6);
    expect(system.metrics.bands.deploymentsPerWeek?.level).toBe(2);
  });
});
