import type { CriterionResult } from "@maturity/model";
import { axes } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { unmetEvidence } from "./track-gap.ts";

const criterion = (met: boolean, evidence: string[]) => ({ met, evidence }) as CriterionResult;

function system(criteriaPerAxis: CriterionResult[]) {
  const systemAxes = Object.fromEntries(
    axes.map((axis) => [axis, { score: 1, level: 1, criteria: criteriaPerAxis, aheadOfFoundation: [] }]),
  );
  return { kind: "llm" as const, riskTier: "high" as const, axes: systemAxes as never };
}

describe("unmetEvidence", () => {
  it("takes the newest id of each unmet criterion, system by system and axis by axis", () => {
    const a = system([criterion(false, ["a1", "a0"]), criterion(true, ["met"]), criterion(false, [])]);
    const b = system([criterion(false, ["b1"])]);
    const all = [...axes.map(() => "a1"), ...axes.map(() => "b1")];
    expect(unmetEvidence([a, b], 100)).toEqual(all);
  });

  it("stops at the cap", () => {
    const a = system([criterion(false, ["x"]), criterion(false, ["y"])]);
    expect(unmetEvidence([a, a, a], 7)).toEqual(["x", "y", "x", "y", "x", "y", "x"]);
    expect(unmetEvidence([a], 0)).toEqual([]);
  });
});
