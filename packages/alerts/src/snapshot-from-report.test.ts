import type { CriterionResult, Level, Risk, ScoreReport } from "@maturity/model";
import { rubric } from "@maturity/model/rubric";
import { describe, expect, it } from "vitest";
import { decideAlerts } from "./decide.ts";
import { gapPointsOf, riskIdentity, snapshotFromReport } from "./snapshot-from-report.ts";
import { result, scoreReport, system } from "./test/reports.ts";
import { gap, levels, rule } from "./test/snapshots.ts";

const asOf = "2026-03-01T00:00:00.000Z";

const mismatch: Risk = {
  kind: "axis_mismatch",
  systemId: "fraud-scorer",
  team: "payments",
  rank: 3.2,
  axes: ["deployment", "evaluation"],
  summary: "Deployment is ahead of evaluation",
  nextUpgrade: "Gate releases",
  evidence: ["evt-1"],
};

function report(
  level: Level,
  evaluation: CriterionResult[],
  risks: Risk[],
  evaluationGap = 0.5,
): ScoreReport {
  const trackGap = gap(null, { evaluation: evaluationGap });
  return scoreReport({
    asOf,
    systems: [
      system({
        levels: levels(level),
        criteria: evaluation,
        risks,
        waivers: [
          {
            criterionId: "governance.l2.named-owner",
            reason: "Owner leaving",
            approver: "ciso",
            grantedAt: asOf,
            expiresAt: "2026-03-10T00:00:00.000Z",
            eventId: "evt-waiver",
          },
        ],
      }),
      system({ systemId: "old", name: "Old", levels: levels(level), retired: true }),
    ],
    risks,
    orgGap: trackGap,
    teamGaps: { payments: trackGap },
  });
}

describe("snapshotFromReport", () => {
  it("keeps what alerts compare, with evidence kinds from the rubric", () => {
    const snapshot = snapshotFromReport(
      report(3, [result("evaluation.l3.suite-in-ci"), result("evaluation.l4.not-in-rubric")], [mismatch]),
      {
        stateId: "batch-1",
        rubric,
        gapHistory: {
          teams: {
            payments: [{ at: "2026-02-01T00:00:00.000Z", trackGap: gap(null, { evaluation: 0 }) }],
          },
        },
      },
    );
    expect(snapshot.systems.map((s) => s.systemId)).toEqual(["fraud-scorer"]);
    expect(snapshot.systems[0]).toMatchObject({
      levels: { reproducibility: 3, evaluation: 3, deployment: 3, observability: 3, governance: 3 },
      criteria: [
        {
          id: "evaluation.l3.suite-in-ci",
          axis: "evaluation",
          status: "met",
          evidenceKind: "activity",
          evidence: ["evt-1"],
          evidenceCount: 1,
        },
      ],
      waivers: [
        {
          id: "evt-waiver",
          criterionId: "governance.l2.named-owner",
          expiresAt: "2026-03-10T00:00:00.000Z",
          approver: "ciso",
          reason: "Owner leaving",
        },
      ],
    });
    expect(snapshot.risks).toEqual([
      {
        id: "axis_mismatch:fraud-scorer:evaluation",
        kind: "axis_mismatch",
        systemId: "fraud-scorer",
        team: "payments",
        title: "Deployment is ahead of evaluation",
        rank: 3.2,
        evidence: ["evt-1"],
      },
    ]);
    expect(snapshot.rollups.teams["payments"]?.history).toHaveLength(1);
    expect(snapshot.rollups.org).toMatchObject({ trackGap: { evaluation: 0.5 }, history: [] });
  });

  it("feeds decideAlerts: two reports in a row decide the drop between them", () => {
    const options = { rubric, stateId: "batch-1" };
    const before = snapshotFromReport(report(3, [result("evaluation.l3.suite-in-ci")], [mismatch]), options);
    const after = snapshotFromReport(
      report(
        2,
        [
          result("evaluation.l3.suite-in-ci", {
            met: false,
            status: "no_data",
            evidence: [],
            evidenceCount: 0,
          }),
        ],
        [mismatch],
      ),
      { ...options, stateId: "batch-2" },
    );
    const alerts = decideAlerts({
      rules: [rule({ kind: "level_dropped", axes: ["evaluation"] }), rule({ kind: "evidence_stale" })],
      before,
      after,
      now: new Date(asOf),
    });
    expect(alerts.map((a) => a.summary)).toEqual([
      "Fraud scorer (team payments) dropped from level 3 to level 2 on evaluation. No longer counting: evaluation.l3.suite-in-ci (now no_data).",
      "Fraud scorer (team payments), high risk, has no activity evidence left for evaluation.l3.suite-in-ci (it had 1 event); it is now no data.",
    ]);
  });
});

describe("riskIdentity", () => {
  it("stays the same while a risk's numbers and wording move", () => {
    const moved = {
      ...mismatch,
      rank: 9,
      summary: "other words",
      axes: ["governance", "evaluation"],
    } as Risk;
    expect(riskIdentity(moved)).toBe(riskIdentity(mismatch));
  });

  it("tells apart risks of other kinds, systems, axes and teams", () => {
    const ids = [
      mismatch,
      { ...mismatch, axes: ["deployment", "observability"] },
      { ...mismatch, systemId: "other" },
      { ...mismatch, kind: "stale_evidence", axes: ["evaluation"] },
      { ...mismatch, kind: "stale_evidence", axes: ["governance"] },
      { kind: "track_gap", team: "payments", axes: ["evaluation"] },
      { kind: "track_gap", team: "support", axes: ["evaluation", "deployment"] },
    ].map((risk) => riskIdentity(risk as Risk));
    expect(new Set(ids).size).toBe(ids.length);
    expect(riskIdentity({ kind: "track_gap", team: "payments", axes: ["deployment"] })).toBe(ids[5]);
  });
});

describe("gapPointsOf", () => {
  it("is the report's gaps at its time, for the history", () => {
    const points = gapPointsOf(report(3, [], []));
    expect(points.org).toEqual({ at: asOf, trackGap: gap(null, { evaluation: 0.5 }) });
    expect(Object.keys(points.teams)).toEqual(["payments"]);
  });
});
