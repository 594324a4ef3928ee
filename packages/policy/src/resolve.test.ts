import { defaultWaiverRules, rubric, rubricIssues, rubricVersion } from "@maturity/model/rubric";
import { describe, expect, it } from "vitest";
import { fairnessCriterion, policyFrom } from "./test/policies.ts";

const find = (policy: ReturnType<typeof policyFrom>, id: string) =>
  policy.rubric.criteria.find((c) => c.id === id);
const builtin = (id: string) => rubric.criteria.find((c) => c.id === id);

describe("a resolved policy", () => {
  it("is named builtin@<built-in version>+<name>@<version>", () => {
    const policy = policyFrom("", 7);
    expect(policy.rubricVersion).toBe(`builtin@${rubricVersion}+test-policy@7`);
    expect(policy.rubric.version).toBe(policy.rubricVersion);
  });

  it("without overrides or criteria is the built-in rubric's criteria, in order", () => {
    expect(policyFrom("").rubric.criteria).toEqual(rubric.criteria);
  });

  it.each([
    ["threshold", "evaluation.l2.results-recorded", "threshold: 1", { threshold: 1 }],
    ["windowDays", "evaluation.l5.redteam-scheduled", "windowDays: 120", { windowDays: 120 }],
    ["appliesTo", "deployment.l2.weekly-deploys", "appliesTo: [llm, agent]", { appliesTo: ["llm", "agent"] }],
    ["riskTiers", "evaluation.l5.fairness-thresholds", "riskTiers: [high]", { riskTiers: ["high"] }],
    [
      "teams",
      "governance.l3.tool-catalogue",
      "teams: [assistants, search]",
      { teams: ["assistants", "search"] },
    ],
  ])(
    "takes an override of %s and leaves the rest of the criterion as built in",
    (_field, id, line, expected) => {
      const policy = policyFrom(`overrides:\n  - criterion: ${id}\n    ${line}\n`);
      expect(find(policy, id)).toEqual({ ...builtin(id), ...expected });
      // Only that criterion changed.
      const others = (criteria: typeof rubric.criteria) => criteria.filter((c) => c.id !== id);
      expect(others(policy.rubric.criteria)).toEqual(others(rubric.criteria));
    },
  );

  it("drops disabled criteria and lists them with their reasons", () => {
    const reason = "Batch models are released monthly by design.";
    const policy = policyFrom(
      `overrides:\n  - criterion: deployment.l3.several-deploys-weekly\n    disabled: { reason: ${reason} }\n`,
    );
    expect(find(policy, "deployment.l3.several-deploys-weekly")).toBeUndefined();
    expect(policy.rubric.criteria).toHaveLength(rubric.criteria.length - 1);
    expect(policy.disabled).toEqual([{ criterion: "deployment.l3.several-deploys-weekly", reason }]);
  });

  it("appends new criteria after the built-in ones, with the threshold default", () => {
    const policy = policyFrom(`criteria:\n${fairnessCriterion}`);
    expect(policy.rubric.criteria.slice(0, -1)).toEqual(rubric.criteria);
    expect(policy.rubric.criteria.at(-1)).toMatchObject({
      id: "governance.l3.fairness-checked",
      riskTiers: ["high"],
      threshold: 0.9,
    });
  });

  it("sets the policy's waiver rules, or the defaults", () => {
    const policy = policyFrom("waivers:\n  maxDays: 90\n  forbidden: [governance.l2.named-owner]\n");
    expect(policy.rubric.waivers).toEqual({ maxDays: 90, forbidden: ["governance.l2.named-owner"] });
    expect(policyFrom("waivers: { maxDays: 30 }\n").rubric.waivers).toEqual({ maxDays: 30, forbidden: [] });
    expect(policyFrom("").rubric.waivers).toEqual(defaultWaiverRules);
  });

  it("may forbid waivers for its own new criteria", () => {
    const policy = policyFrom(
      `waivers: { forbidden: [governance.l3.fairness-checked] }\ncriteria:\n${fairnessCriterion}`,
    );
    expect(policy.rubric.waivers?.forbidden).toEqual(["governance.l3.fairness-checked"]);
  });

  it("passes the rubric's own checks", () => {
    const policy = policyFrom(
      `overrides:\n  - { criterion: deployment.l2.weekly-deploys, disabled: { reason: Not weekly by design here. } }\ncriteria:\n${fairnessCriterion}`,
    );
    expect(rubricIssues(policy.rubric)).toEqual([]);
  });

  it("never changes the built-in rubric", () => {
    const before = structuredClone(rubric);
    const policy = policyFrom(
      "overrides:\n  - { criterion: deployment.l2.weekly-deploys, appliesTo: [llm] }\n",
    );
    policy.rubric.criteria[0]!.appliesTo.push("agent");
    expect(rubric).toEqual(before);
  });
});

describe("a policy's own refusals", () => {
  const refused = (body: string) => {
    try {
      policyFrom(body);
    } catch (error) {
      return String(error);
    }
    return "accepted";
  };

  it("refuses an override that changes nothing", () => {
    expect(refused("overrides:\n  - criterion: deployment.l2.weekly-deploys\n")).toContain(
      "overrides[0]: changes nothing",
    );
  });

  it("refuses other changes beside disabling", () => {
    expect(
      refused(
        "overrides:\n  - { criterion: deployment.l2.weekly-deploys, threshold: 0.5, disabled: { reason: Not weekly here at all. } }\n",
      ),
    ).toContain("a disabled criterion takes no other changes (remove threshold)");
  });

  it("refuses an override of its own new criterion, pointing at it", () => {
    expect(
      refused(
        `overrides:\n  - { criterion: governance.l3.fairness-checked, threshold: 1 }\ncriteria:\n${fairnessCriterion}`,
      ),
    ).toContain(
      "governance.l3.fairness-checked is this policy's own criterion: change it in criteria[0] instead",
    );
  });

  it("refuses forbidding waivers for a criterion it disables, or one nobody has", () => {
    expect(
      refused(
        "waivers: { forbidden: [deployment.l2.weekly-deploys] }\noverrides:\n  - { criterion: deployment.l2.weekly-deploys, disabled: { reason: Not weekly here at all. } }\n",
      ),
    ).toContain("is disabled by this policy");
    expect(refused("waivers: { forbidden: [governance.l2.someone] }\n")).toContain(
      "no criterion governance.l2.someone in the built-in rubric or this policy",
    );
  });
});
