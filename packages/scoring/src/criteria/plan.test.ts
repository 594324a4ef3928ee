import { rubric } from "@maturity/model/rubric";
import { describe, expect, it } from "vitest";
import { rubricWith } from "../test/rubrics.ts";
import { applies, criteriaFor, type Applicability } from "./plan.ts";

const owner = "governance.l2.named-owner";
const system = (opts: Partial<Applicability> = {}): Applicability => ({
  kind: "classical",
  riskTier: "limited",
  team: "core",
  ...opts,
});
const ids = (plan: ReturnType<typeof criteriaFor>) => plan.byAxis.governance.map((c) => c.id);

describe("applies", () => {
  const criterion = rubricWith({
    [owner]: { appliesTo: ["llm"], riskTiers: ["high"], teams: ["pay"] },
  }).criteria.find((c) => c.id === owner)!;

  it("needs the system's kind, risk tier and team all listed", () => {
    expect(applies(criterion, system({ kind: "llm", riskTier: "high", team: "pay" }))).toBe(true);
    expect(applies(criterion, system({ kind: "classical", riskTier: "high", team: "pay" }))).toBe(false);
    expect(applies(criterion, system({ kind: "llm", riskTier: "limited", team: "pay" }))).toBe(false);
    expect(applies(criterion, system({ kind: "llm", riskTier: "high", team: "core" }))).toBe(false);
  });
});

describe("criteriaFor", () => {
  it("keeps one plan per kind for a rubric without tier or team filters", () => {
    const plan = criteriaFor(rubric, system());
    expect(criteriaFor(rubric, system({ riskTier: "high", team: "other" }))).toBe(plan);
    expect(criteriaFor(rubric, system({ kind: "llm" }))).not.toBe(plan);
    expect(plan.longestWindowDays).toBe(0);
  });

  it("tells apart the risk tiers and the teams the rubric names, and only those", () => {
    const filtered = rubricWith({
      [owner]: { riskTiers: ["high"] },
      "governance.l3.audit-trail": { teams: ["pay"] },
    });
    expect(ids(criteriaFor(filtered, system({ riskTier: "high", team: "pay" })))).toEqual(
      expect.arrayContaining([owner, "governance.l3.audit-trail"]),
    );
    expect(ids(criteriaFor(filtered, system()))).not.toContain(owner);
    expect(ids(criteriaFor(filtered, system()))).not.toContain("governance.l3.audit-trail");
    // Teams no criterion names get the same criteria: one plan for them all.
    expect(criteriaFor(filtered, system({ team: "a" }))).toBe(criteriaFor(filtered, system({ team: "b" })));
    expect(criteriaFor(filtered, system({ team: "pay" }))).not.toBe(criteriaFor(filtered, system()));
  });

  it("knows the longest window of its own a criterion applying names", () => {
    const windowed = rubricWith({
      [owner]: { windowDays: 120 },
      "governance.l3.tool-catalogue": { windowDays: 400 }, // for LLM systems only
    });
    expect(criteriaFor(windowed, system()).longestWindowDays).toBe(120);
    expect(criteriaFor(windowed, system({ kind: "llm" })).longestWindowDays).toBe(400);
  });
});
