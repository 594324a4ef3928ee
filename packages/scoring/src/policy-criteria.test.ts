// Scenarios of criteria an organisation's policy narrows (risk tiers, teams) or gives an evidence
// window of its own.
import type { MaturityEvent } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { scoreEvents } from "./score-events.ts";
import { daysBefore, deploy, event, register, weekly } from "./test/builders.ts";
import { criterionOf, systemOf } from "./test/criteria.ts";
import { rubricWith } from "./test/rubrics.ts";

const asOf = "2026-11-24T00:00:00.000Z";
const owner = "governance.l2.named-owner";
const runsTracked = "reproducibility.l2.runs-tracked";
const weeklyDeploys = "deployment.l2.weekly-deploys";

describe("criteria for some risk tiers or teams", () => {
  const start = daysBefore(asOf, 100);
  const events = [
    register("high-pay", start, { riskTier: "high", team: "pay" }),
    register("high-core", start, { riskTier: "high", team: "core" }),
    register("limited-pay", start, { riskTier: "limited", team: "pay" }),
  ];
  const appliesTo = (rubric: ReturnType<typeof rubricWith>) => {
    const report = scoreEvents(events, { asOf, rubric });
    return report.systems
      .filter((s) => s.axes.governance.criteria.some((c) => c.id === owner))
      .map((s) => s.systemId);
  };

  it("apply only to systems of the risk tiers listed", () => {
    expect(appliesTo(rubricWith({ [owner]: { riskTiers: ["high"] } }))).toEqual(["high-core", "high-pay"]);
  });

  it("apply only to systems of the teams listed", () => {
    expect(appliesTo(rubricWith({ [owner]: { teams: ["pay"] } }))).toEqual(["high-pay", "limited-pay"]);
  });

  it("apply only to systems of both when both are listed", () => {
    expect(appliesTo(rubricWith({ [owner]: { riskTiers: ["high"], teams: ["pay"] } }))).toEqual(["high-pay"]);
  });

  it("follow the catalogue: a system moved to a listed tier gets the criterion", () => {
    const rubric = rubricWith({ [owner]: { riskTiers: ["high"] } });
    const moved = [
      ...events,
      event("catalog.system.updated", "limited-pay", daysBefore(asOf, 10), { riskTier: "high" }),
    ];
    const report = scoreEvents(moved, { asOf, rubric });
    expect(criterionOf(systemOf(report, "limited-pay"), owner).status).toBe("no_data");
  });
});

describe("a criterion with an evidence window of its own", () => {
  const start = daysBefore(asOf, 300);
  const oldRun = event("exp.run.logged", "lab", daysBefore(asOf, 120), { runId: "r1", tracker: "mlflow" });
  const oldDeploy = deploy("lab", daysBefore(asOf, 120));
  const events: MaturityEvent[] = [register("lab", start), oldRun, oldDeploy];
  const lab = (rubric?: ReturnType<typeof rubricWith>) =>
    systemOf(scoreEvents(events, { asOf, ...(rubric && { rubric }) }), "lab");

  it("counts activity evidence inside its window, where the run's window would not", () => {
    expect(criterionOf(lab(), runsTracked).status).toBe("no_data");
    const own = lab(rubricWith({ [runsTracked]: { windowDays: 180 } }));
    expect(criterionOf(own, runsTracked)).toMatchObject({ status: "met", evidence: [oldRun.id] });
    // Other criteria keep the run's window.
    expect(criterionOf(own, weeklyDeploys).status).toBe("no_data");
  });

  it("counts activity evidence only inside its window when that is shorter than the run's", () => {
    const recent = [
      ...events,
      event("exp.run.logged", "lab", daysBefore(asOf, 40), { runId: "r2", tracker: "mlflow" }),
    ];
    const rubric = rubricWith({ [runsTracked]: { windowDays: 30 } });
    expect(criterionOf(systemOf(scoreEvents(recent, { asOf }), "lab"), runsTracked).status).toBe("met");
    const own = systemOf(scoreEvents(recent, { asOf, rubric }), "lab");
    expect(criterionOf(own, runsTracked).status).toBe("no_data");
  });

  it("counts cadence weeks over its window", () => {
    // A deploy every week of the last twelve: every week of the run's 90 days (12 whole weeks),
    // twelve of the 26 whole weeks of 182 days.
    const deploys = weekly(asOf, 12, (time, w) => [deploy("lab", time, { deploymentId: `w-${w}` })]);
    const recent = [register("lab", start), ...deploys];
    const degree = (rubric?: ReturnType<typeof rubricWith>) =>
      criterionOf(systemOf(scoreEvents(recent, { asOf, ...(rubric && { rubric }) }), "lab"), weeklyDeploys)
        .degree;
    expect(degree()).toBe(1);
    expect(degree(rubricWith({ [weeklyDeploys]: { windowDays: 182 } }))).toBeCloseTo(12 / 26, 4);
  });

  it("judges the system's whole life inside its window, though the catalogue names it later", () => {
    // Owned for 300 days, registered 100 days ago, deploying weekly 15 to 24 weeks back: ten of the
    // 26 whole weeks of 182 days had a deploy.
    const history = [
      event("gov.owner.assigned", "lab", start, { owner: "alice" }),
      register("lab", daysBefore(asOf, 100)),
      ...weekly(asOf, 25, (time, w) => (w >= 15 ? [deploy("lab", time, { deploymentId: `w-${w}` })] : [])),
    ];
    const rubric = rubricWith({ [weeklyDeploys]: { windowDays: 182 } });
    const criterion = criterionOf(systemOf(scoreEvents(history, { asOf, rubric }), "lab"), weeklyDeploys);
    expect(criterion.degree).toBeCloseTo(10 / 26, 4);
  });

  it("names its own window when its evidence aged out", () => {
    const staleSummary = (rubric?: ReturnType<typeof rubricWith>) =>
      lab(rubric).risks.find((r) => r.kind === "stale_evidence" && r.axes?.[0] === "reproducibility")
        ?.summary;
    expect(staleSummary()).toContain("older than the 90-day window");
    const mixed = rubricWith({ [runsTracked]: { windowDays: 100 } });
    expect(staleSummary(mixed)).toContain("older than their windows (90, 100 days)");
    const same = rubricWith({
      [runsTracked]: { windowDays: 100 },
      "reproducibility.l2.registry-source-of-truth": { windowDays: 100 },
    });
    expect(staleSummary(same)).toContain("older than the 100-day window");
  });
});
