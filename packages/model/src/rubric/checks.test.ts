import { describe, expect, it } from "vitest";
import { rubricIssues } from "./checks.ts";
import { rubricSchema, type CriterionInput, type Rubric } from "./schema.ts";

const base: CriterionInput = {
  id: "governance.l2.named-owner",
  axis: "governance",
  level: 2,
  title: "The system has a named owner",
  appliesTo: ["classical"],
  degree: { rule: "present", of: "owners" },
  evidence: "state",
  regulations: [{ framework: "EU AI Act", clause: "Art. 14" }],
  explanation: "Looks for an owner assigned to the system.",
};

function rubricOf(criteria: Partial<CriterionInput>[], waivers?: Rubric["waivers"]): Rubric {
  return rubricSchema.parse({
    version: "test-1",
    waivers,
    criteria: criteria.map((c) => ({ ...base, ...c })),
  });
}

describe("rubricIssues", () => {
  it("finds nothing wrong with a sound rubric", () => {
    expect(rubricIssues(rubricOf([{}, { id: "governance.l2.other" }]))).toEqual([]);
  });

  it("refuses a duplicate id, naming where it came first", () => {
    expect(rubricIssues(rubricOf([{}, { title: "again" }]))).toEqual([
      {
        path: ["criteria", 1, "id"],
        message: expect.stringContaining("duplicate id governance.l2.named-owner"),
      },
    ]);
    expect(rubricIssues(rubricOf([{}, {}]))[0]?.message).toContain("criteria[0]");
  });

  it("refuses an id that does not start with its axis and level", () => {
    const issues = rubricIssues(rubricOf([{ level: 3 }]));
    expect(issues).toEqual([
      { path: ["criteria", 0, "id"], message: expect.stringContaining("governance.l3.") },
    ]);
    expect(rubricIssues(rubricOf([{ axis: "evaluation" }]))[0]?.message).toContain("evaluation.l2.");
  });

  it("refuses a field the population does not expose, listing the fields it does", () => {
    const issues = rubricIssues(
      rubricOf([{ degree: { rule: "share", of: "productionDeploys", that: { environment: "production" } } }]),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(["criteria", 0, "degree", "that", "environment"]);
    expect(issues[0]?.message).toContain("productionDeploys has no field environment");
    expect(issues[0]?.message).toContain("strategy, gatedByEval");
  });

  it("checks where keys, covers fields and the parts of an all rule", () => {
    const issues = rubricIssues(
      rubricOf([
        {
          degree: {
            rule: "all",
            rules: [
              { rule: "cadence", of: "evalRuns", where: { colour: "red" }, perWeek: 1 },
              { rule: "covers", of: "monitors", field: "kind", values: ["drift"] },
            ],
          },
        },
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual([
      ["criteria", 0, "degree", "rules", 0, "where", "colour"],
      ["criteria", 0, "degree", "rules", 1, "field"],
    ]);
  });

  it("holds a metric criterion to threshold 1", () => {
    const metric = { rule: "metric", metric: "changeFailureRate", op: "below", value: 0.1 } as const;
    expect(rubricIssues(rubricOf([{ degree: metric, threshold: 1 }]))).toEqual([]);
    expect(rubricIssues(rubricOf([{ degree: metric }]))).toEqual([
      { path: ["criteria", 0, "threshold"], message: expect.stringContaining("must be 1 (got 0.9)") },
    ]);
  });

  it("refuses forbidding waivers for a criterion the rubric lacks", () => {
    const issues = rubricIssues(
      rubricOf([{}], { maxDays: 90, forbidden: ["governance.l2.named-owner", "governance.l5.nowhere"] }),
    );
    expect(issues).toEqual([
      {
        path: ["waivers", "forbidden", 1],
        message: expect.stringContaining("no criterion governance.l5.nowhere"),
      },
    ]);
  });
});
