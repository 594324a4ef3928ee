import type { CriterionResult, Risk, SystemReport } from "@maturity/model";
import { axes, metricNames, type SystemAxes } from "@maturity/model";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { suiteDatabase } from "../testing/suite-database.ts";
import { rowsOf } from "./rows-of.ts";
import { writeSystemReports } from "./projections.ts";

const criterion = (id: string, degree: number): CriterionResult => ({
  id,
  level: 2,
  degree,
  met: degree >= 0.8,
  status: degree >= 0.8 ? "met" : "unmet",
  evidence: [`ev-${id}`],
  evidenceCount: 1,
  aheadOfFoundation: false,
});

const risk = (systemId: string, summary: string, rank: number): Risk => ({
  kind: "stale_evidence",
  systemId,
  team: "team-a",
  rank,
  summary,
  nextUpgrade: "run the evaluation again",
  evidence: [],
});

// A report whose reproducibility axis holds `criteria`; the other axes are empty.
function report(systemId: string, criteria: CriterionResult[], risks: Risk[]): SystemReport {
  const axisScore = (list: CriterionResult[]) => ({
    score: 1,
    level: 1 as const,
    criteria: list,
    aheadOfFoundation: [],
  });
  return {
    systemId,
    name: systemId,
    team: "team-a",
    kind: "classical",
    riskTier: "limited",
    registered: true,
    retired: false,
    axes: Object.fromEntries(
      axes.map((axis) => [axis, axisScore(axis === "reproducibility" ? criteria : [])]),
    ) as unknown as SystemAxes,
    metrics: {
      deploymentsPerWeek: null,
      leadTimeHours: { p50: null, p90: null },
      changeFailureRate: null,
      timeToRecoveryHours: { p50: null },
      costUsdByFeature: {},
      unattributedCostShare: null,
      auditResponseHours: { p50: null },
      bands: Object.fromEntries(
        metricNames.map((name) => [name, { level: null, label: "no data", dora: null }]),
      ) as SystemReport["metrics"]["bands"],
      windowDays: 30,
    },
    risks,
  };
}

const cause = { asOf: "2026-11-24T12:00:00.000Z", rubricVersion: "test", causeEventId: null };

describe.each(["postgres", "pglite"] as const)("re-scored reports on %s", (driver) => {
  const database = suiteDatabase(driver);

  // xmin is the transaction that wrote a row's current version: unchanged means not rewritten.
  async function versions(table: string, key: string): Promise<Map<string, string>> {
    const rows = rowsOf<{ key: string; version: string }>(
      await database().db.execute(
        sql.raw(`select ${key} as key, xmin::text as version from projections.${table}`),
      ),
    );
    return new Map(rows.map((row) => [row.key, row.version]));
  }
  const criterionKey = "system_id || '/' || criterion_id";
  const write = (reports: SystemReport[]) =>
    database().db.transaction((tx) =>
      writeSystemReports(
        tx,
        reports.map((r) => ({ report: r, cause })),
      ),
    );

  it("rewrites only the criteria and risks that changed, and deletes those a system no longer has", async () => {
    await write([
      report(
        "s1",
        [criterion("a", 1), criterion("b", 0.5), criterion("c", 0.2)],
        [risk("s1", "first", 9), risk("s1", "second", 3)],
      ),
      report("s2", [criterion("a", 0.1)], [risk("s2", "other", 1)]),
    ]);
    const criteriaBefore = await versions("criterion_results", criterionKey);
    const risksBefore = await versions("risks", "risk_key");

    // s1 again: a unchanged, b moved, c gone; its second risk gone. s2 is not re-scored.
    await write([report("s1", [criterion("a", 1), criterion("b", 0.9)], [risk("s1", "first", 9)])]);
    const criteriaAfter = await versions("criterion_results", criterionKey);
    const risksAfter = await versions("risks", "risk_key");

    expect([...criteriaAfter.keys()].sort()).toEqual(["s1/a", "s1/b", "s2/a"]);
    expect(criteriaAfter.get("s1/a")).toBe(criteriaBefore.get("s1/a"));
    expect(criteriaAfter.get("s1/b")).not.toBe(criteriaBefore.get("s1/b"));
    expect(criteriaAfter.get("s2/a")).toBe(criteriaBefore.get("s2/a"));
    expect([...risksAfter.keys()].sort()).toEqual(["s1#0", "s2#0"]);
    expect(risksAfter.get("s1#0")).toBe(risksBefore.get("s1#0"));

    const stored = rowsOf<{ criterion_id: string; degree: number; met: boolean; status: string }>(
      await database().db.execute(
        sql.raw(
          "select criterion_id, degree, met, status from projections.criterion_results where system_id = 's1' order by criterion_id",
        ),
      ),
    );
    expect(stored).toEqual([
      { criterion_id: "a", degree: 1, met: true, status: "met" },
      { criterion_id: "b", degree: 0.9, met: true, status: "met" },
    ]);
  });

  it("clears every risk of a system that has none left", async () => {
    await write([report("s3", [criterion("a", 1)], [risk("s3", "only", 2)])]);
    await write([report("s3", [criterion("a", 1)], [])]);
    const risks = await versions("risks", "risk_key");
    expect(risks.has("s3#0")).toBe(false);
  });
});
