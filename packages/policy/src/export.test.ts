import { exampleEvents } from "@maturity/model";
import { rubric, rubricVersion } from "@maturity/model/rubric";
import { scoreEvents } from "@maturity/scoring";
import { describe, expect, it } from "vitest";
import { exportRubricYaml } from "./export.ts";
import { readPolicyText } from "./read.ts";
import { bankAsOf, bankEvents } from "./test/bank-events.ts";
import { fairnessCriterion, policyFrom } from "./test/policies.ts";

describe("exportRubricYaml", () => {
  const text = exportRubricYaml(rubric);

  it("reads back as a rubric deep-equal to the built-in one", () => {
    const result = readPolicyText(text, "rubric.yaml");
    expect(result.ok && result.policy.rubric).toEqual(rubric);
    expect(result.ok && result.policy.rubricVersion).toBe(rubricVersion);
  });

  it("writes every threshold out", () => {
    const thresholds = text.match(/^ {4}threshold: /gm) ?? [];
    expect(thresholds).toHaveLength(rubric.criteria.length);
  });

  it("begins with a comment saying what the file is and how to make a policy of it", () => {
    const header = text.slice(0, text.indexOf("\nversion:"));
    expect(header.split("\n").every((line) => line === "" || line.startsWith("#"))).toBe(true);
    expect(header).toContain(`Maturity rubric ${rubricVersion}`);
    expect(header).toContain(`extends: builtin@${rubricVersion}`);
  });

  it("scores events exactly as the built-in rubric does", () => {
    const read = readPolicyText(text, "rubric.yaml");
    if (!read.ok) throw new Error("the export should read");
    for (const [events, asOf] of [
      [exampleEvents, "2026-04-01T00:00:00Z"],
      [bankEvents(), bankAsOf],
    ] as const) {
      const builtin = JSON.stringify(scoreEvents(events, { asOf, rubric }));
      expect(JSON.stringify(scoreEvents(events, { asOf, rubric: read.policy.rubric }))).toBe(builtin);
    }
  });

  it("round-trips a policy's resolved rubric once it has a version of its own", () => {
    const policy = policyFrom(
      `overrides:\n  - { criterion: evaluation.l2.results-recorded, threshold: 1 }\ncriteria:\n${fairnessCriterion}`,
    );
    const text = exportRubricYaml(policy.rubric);
    expect(text).toContain("Its version names a policy");
    const own = { ...policy.rubric, version: "acme-1" };
    const read = readPolicyText(exportRubricYaml(own), "own.yaml");
    expect(read.ok && read.policy.rubric).toEqual(own);
  });
});
