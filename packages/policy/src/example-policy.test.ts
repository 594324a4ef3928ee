// The worked example in examples/policies must stay loadable and do what its comments say.
import { fileURLToPath } from "node:url";
import { rubric, rubricIssues, rubricVersion } from "@maturity/model/rubric";
import { describe, expect, it } from "vitest";
import { loadPolicyFile } from "./load.ts";

const file = fileURLToPath(new URL("../../../examples/policies/regulated-bank.yaml", import.meta.url));
const loaded = await loadPolicyFile(file);
if (!loaded.ok)
  throw new Error(loaded.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`).join("\n"));
const policy = loaded.policy;
const resolved = (id: string) => policy.rubric.criteria.find((c) => c.id === id);
const builtin = (id: string) => rubric.criteria.find((c) => c.id === id);

describe("examples/policies/regulated-bank.yaml", () => {
  it("loads as a policy on this product's built-in rubric", () => {
    expect(policy).toMatchObject({ kind: "policy", name: "regulated-bank", version: 3 });
    expect(policy.rubricVersion).toBe(`builtin@${rubricVersion}+regulated-bank@3`);
    expect(rubricIssues(policy.rubric)).toEqual([]);
  });

  it("keeps the weekly cadence for online systems only", () => {
    expect(resolved("deployment.l2.weekly-deploys")).toEqual({
      ...builtin("deployment.l2.weekly-deploys"),
      appliesTo: ["llm", "agent"],
    });
  });

  it("disables several deploys a week, with its reason", () => {
    expect(resolved("deployment.l3.several-deploys-weekly")).toBeUndefined();
    expect(policy.disabled).toEqual([
      {
        criterion: "deployment.l3.several-deploys-weekly",
        reason: expect.stringContaining("change advisory board"),
      },
    ]);
  });

  it("raises the evaluation thresholds", () => {
    expect(resolved("evaluation.l2.results-recorded")?.threshold).toBe(1);
    expect(resolved("evaluation.l4.failed-gates-block")?.threshold).toBe(1);
  });

  it("gives red-teaming a longer window and fairness thresholds to the high tier", () => {
    expect(resolved("evaluation.l5.redteam-scheduled")).toEqual({
      ...builtin("evaluation.l5.redteam-scheduled"),
      windowDays: 120,
    });
    expect(resolved("evaluation.l5.fairness-thresholds")?.riskTiers).toEqual(["high"]);
  });

  it("adds its own criteria after the built-in ones", () => {
    expect(
      policy.rubric.criteria.slice(-3).map((c) => [c.id, c.riskTiers, c.threshold, c.windowDays]),
    ).toEqual([
      ["deployment.l2.monthly-releases", undefined, 0.2, 180],
      ["evaluation.l3.high-risk-gate-passed", ["high"], 1, undefined],
      ["governance.l3.high-risk-fairness-checked", ["high"], 0.9, 120],
    ]);
  });

  it("caps waivers at 90 days and never waives ownership or risk assessment", () => {
    expect(policy.rubric.waivers).toEqual({
      maxDays: 90,
      forbidden: ["governance.l2.named-owner", "governance.l4.risk-per-material-change"],
    });
  });
});
