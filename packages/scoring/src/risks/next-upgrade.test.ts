import type { AxisScore, CriterionResult } from "@maturity/model";
import { rubric } from "@maturity/model/rubric";
import { describe, expect, it } from "vitest";
import { nextUpgrade, upgradeForLevel } from "./next-upgrade.ts";

const criterion = rubric.criteria.find((c) => c.axis === "deployment" && c.level === 2)!;
const score = (met: boolean): AxisScore => ({
  score: 1,
  level: 1,
  aheadOfFoundation: [],
  criteria: [{ id: criterion.id, level: 2, met } as CriterionResult],
});

describe("nextUpgrade", () => {
  it("names the first unmet criterion of the next level, the same text each time", () => {
    const lowered = criterion.title.charAt(0).toLowerCase() + criterion.title.slice(1);
    const expected = `${upgradeForLevel(1)} First step on deployment: ${lowered} (${criterion.id}).`;
    expect(nextUpgrade("deployment", score(false), rubric)).toBe(expected);
    expect(nextUpgrade("deployment", score(false), rubric)).toBe(expected);
  });

  it("names the axis it was asked about, and no step when the next level is met", () => {
    expect(nextUpgrade("governance", score(false), rubric)).toContain("First step on governance:");
    expect(nextUpgrade("deployment", score(true), rubric)).toBe(upgradeForLevel(1));
  });
});
