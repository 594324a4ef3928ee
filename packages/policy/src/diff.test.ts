import { rubric } from "@maturity/model/rubric";
import { describe, expect, it } from "vitest";
import { diffPolicy, isEmptyDiff } from "./diff.ts";
import { renderPolicyDiff } from "./diff-text.ts";
import { activePolicyFromDocument, builtinPolicy } from "./read.ts";
import { fairnessCriterion, policyFrom } from "./test/policies.ts";

const reason = "Changes go through a board that meets twice a week.";
const policy = policyFrom(
  `waivers: { maxDays: 90, forbidden: [governance.l2.named-owner] }
overrides:
  - { criterion: deployment.l2.weekly-deploys, appliesTo: [llm, agent], windowDays: 180 }
  - { criterion: evaluation.l5.fairness-thresholds, riskTiers: [high], threshold: 0.95 }
  - { criterion: deployment.l3.several-deploys-weekly, disabled: { reason: ${reason} } }
criteria:
${fairnessCriterion}`,
  4,
);

describe("diffPolicy", () => {
  const diff = diffPolicy(builtinPolicy(), policy);

  it("names both rubric versions", () => {
    expect(diff).toMatchObject({ from: rubric.version, to: policy.rubricVersion });
  });

  it("lists each changed field with its value before and after", () => {
    expect(diff.criteria).toContainEqual({
      criterion: "deployment.l2.weekly-deploys",
      axis: "deployment",
      level: 2,
      title: "Predictable deploys, at least weekly",
      change: "changed",
      fields: [
        { field: "appliesTo", before: ["classical", "llm", "agent"], after: ["llm", "agent"] },
        { field: "windowDays", before: undefined, after: 180 },
      ],
    });
    expect(diff.criteria.find((c) => c.criterion === "evaluation.l5.fairness-thresholds")).toMatchObject({
      fields: [
        { field: "riskTiers", before: undefined, after: ["high"] },
        { field: "threshold", before: 0.9, after: 0.95 },
      ],
    });
  });

  it("lists disabled criteria with the reason, and new ones with axis, level and title", () => {
    expect(diff.criteria).toContainEqual(
      expect.objectContaining({
        criterion: "deployment.l3.several-deploys-weekly",
        change: "disabled",
        reason,
      }),
    );
    expect(diff.criteria).toContainEqual({
      criterion: "governance.l3.fairness-checked",
      axis: "governance",
      level: 3,
      title: "High-risk systems pass a fairness check",
      change: "added",
    });
  });

  it("orders criteria by axis as reports do, then level, then id", () => {
    expect(diff.criteria.map((c) => c.criterion)).toEqual([
      "evaluation.l5.fairness-thresholds",
      "deployment.l2.weekly-deploys",
      "deployment.l3.several-deploys-weekly",
      "governance.l3.fairness-checked",
    ]);
  });

  it("lists the waiver rules that change", () => {
    expect(diff.waivers).toEqual({
      maxDays: { before: 180, after: 90 },
      forbiddenAdded: ["governance.l2.named-owner"],
      forbiddenRemoved: [],
    });
  });

  it("the other way round: enabled again, removed, waivable again", () => {
    const back = diffPolicy(policy, builtinPolicy());
    expect(back.criteria.find((c) => c.criterion === "deployment.l3.several-deploys-weekly")).toMatchObject({
      change: "enabled",
      reason,
    });
    expect(back.criteria.find((c) => c.criterion === "governance.l3.fairness-checked")).toMatchObject({
      change: "removed",
    });
    expect(back.waivers).toEqual({
      maxDays: { before: 90, after: 180 },
      forbiddenAdded: [],
      forbiddenRemoved: ["governance.l2.named-owner"],
    });
  });

  it("sees criteria a full rubric leaves out as removed", () => {
    const own = activePolicyFromDocument({ version: "acme-1", criteria: rubric.criteria.slice(1) });
    if (!own.ok) throw new Error("the rubric should read");
    expect(diffPolicy(builtinPolicy(), own.policy).criteria).toEqual([
      expect.objectContaining({ criterion: rubric.criteria[0]?.id, change: "removed" }),
    ]);
  });

  it("finds nothing between a policy and itself", () => {
    expect(isEmptyDiff(diffPolicy(policy, policy))).toBe(true);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it("sees a change of degree rule and evidence kind", () => {
    const changedRule = policyFrom(`criteria:\n${fairnessCriterion}`);
    const other = policyFrom(
      `criteria:\n${fairnessCriterion.replace("that: { passed: true }", "that: { passed: true, thresholdsDocumented: true }").replace("evidence: activity", "evidence: state")}`,
    );
    expect(diffPolicy(changedRule, other).criteria).toEqual([
      expect.objectContaining({
        change: "changed",
        fields: [
          {
            field: "degree",
            before: { rule: "present", of: "fairnessChecks", that: { passed: true } },
            after: {
              rule: "present",
              of: "fairnessChecks",
              that: { passed: true, thresholdsDocumented: true },
            },
          },
          { field: "evidence", before: "activity", after: "state" },
        ],
      }),
    ]);
  });
});

describe("renderPolicyDiff", () => {
  it("lists the changes criterion by criterion", () => {
    expect(renderPolicyDiff(diffPolicy(builtinPolicy(), policy))).toBe(
      [
        `${rubric.version} → ${policy.rubricVersion}`,
        "Criteria: 2 changed, 1 added, 1 disabled. Waiver rules change.",
        "",
        "evaluation.l5.fairness-thresholds (evaluation level 5): changed",
        "  riskTiers: every tier → high",
        "  threshold: 0.9 → 0.95",
        "deployment.l2.weekly-deploys (deployment level 2): changed",
        "  appliesTo: classical, llm, agent → llm, agent",
        "  windowDays: the scoring run's window → 180",
        `deployment.l3.several-deploys-weekly (deployment level 3): disabled: ${reason}`,
        "governance.l3.fairness-checked (governance level 3): added: High-risk systems pass a fairness check",
        "",
        "Waivers",
        "  longest waiver: 180 days → 90 days",
        "  may no longer be waived: governance.l2.named-owner",
      ].join("\n"),
    );
  });

  it("says when a criterion comes back, goes, or may be waived again", () => {
    const text = renderPolicyDiff(diffPolicy(policy, builtinPolicy()));
    expect(text).toContain(
      `deployment.l3.several-deploys-weekly (deployment level 3): enabled again (it was disabled: ${reason})`,
    );
    expect(text).toContain("governance.l3.fairness-checked (governance level 3): removed");
    expect(text).toContain("  may be waived again: governance.l2.named-owner");
  });

  it("says so when nothing changes", () => {
    expect(renderPolicyDiff(diffPolicy(policy, policy))).toBe(
      `${policy.rubricVersion} → ${policy.rubricVersion}\nNo changes: both score alike and allow the same waivers.`,
    );
  });

  it("shows a changed rule as JSON", () => {
    const a = policyFrom(`criteria:\n${fairnessCriterion}`);
    const b = policyFrom(
      `criteria:\n${fairnessCriterion.replace("that: { passed: true }", "that: { passed: false }")}`,
    );
    expect(renderPolicyDiff(diffPolicy(a, b))).toContain(
      '  degree: {"rule":"present","of":"fairnessChecks","that":{"passed":true}} → {"rule":"present","of":"fairnessChecks","that":{"passed":false}}',
    );
  });
});
