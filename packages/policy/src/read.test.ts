import { rubric, rubricVersion } from "@maturity/model/rubric";
import { describe, expect, it } from "vitest";
import { exportRubricYaml } from "./export.ts";
import { activePolicyFromDocument, builtinPolicy, readPolicyText } from "./read.ts";

// A valid policy's head; cases append what they test.
const head = `name: acme-bank
version: 2
extends: builtin@${rubricVersion}
`;

const newCriterion = (id: string, extra = "") => `  - id: ${id}
    axis: governance
    level: 4
    title: High-risk changes are assessed
    appliesTo: [classical]
    degree: { rule: present, of: riskAssessments, that: { trigger: material_change } }
    evidence: activity
    regulations: [{ framework: EU AI Act, clause: Art. 9 }]
    explanation: Looks for a risk assessment of each material change.
${extra}`;

interface Case {
  name: string;
  file: string;
  text: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

const cases: Case[] = [
  {
    name: "YAML syntax: an unclosed list",
    file: "p.yaml",
    text: `${head}overrides:\n  - criterion: deployment.l2.weekly-deploys\n    appliesTo: [llm, agent\n`,
    line: 7,
    column: 1,
    path: "overrides[0].appliesTo[1]",
    message: "YAML syntax: flow sequence in block collection must be sufficiently indented and end with a ]",
  },
  {
    name: "a duplicate key",
    file: "p.yaml",
    text: `${head}overrides:\n  - criterion: deployment.l2.weekly-deploys\n    threshold: 0.5\n    threshold: 0.6\n`,
    line: 7,
    column: 5,
    path: "overrides[0].threshold",
    message: "duplicate key",
  },
  {
    name: "a wrong type",
    file: "p.yaml",
    text: `name: acme-bank\nversion: two\nextends: builtin@${rubricVersion}\n`,
    line: 2,
    column: 10,
    path: "version",
    message: 'expected a whole number (got "two")',
  },
  {
    name: "an unknown field, listing the known ones",
    file: "p.yaml",
    text: `${head}overrides:\n  - criterion: deployment.l2.weekly-deploys\n    treshold: 0.5\n`,
    line: 6,
    column: 5,
    path: "overrides[0].treshold",
    message: "unknown field; the fields here are criterion, threshold, windowDays",
  },
  {
    name: "a missing field, placed at its parent",
    file: "p.yaml",
    text: `${head}overrides:\n  - criterion: deployment.l2.weekly-deploys\n    disabled: {}\n`,
    line: 6,
    column: 15,
    path: "overrides[0].disabled.reason",
    message: "missing: expected text",
  },
  {
    name: "an unknown population",
    file: "p.yaml",
    text: `${head}criteria:\n${newCriterion("governance.l4.assessed").replace("of: riskAssessments", "of: riskReviews")}`,
    line: 10,
    column: 34,
    path: "criteria[0].degree.of",
    message:
      'expected one of experimentRuns, modelVersions, productionDeploys, promotions, rebuilds, promptVersions, catalogTools, pipelineRuns, dataQualityChecks, dataContracts, retrains, catalogAssets, evalRuns, evalDatasetUpdates, failureModeCatalogues, redteamRuns, fairnessChecks, trafficShifts, rollbacks, modelSwaps, gpuQueues, monitors, owners, riskAssessments, changeReviews, overridePaths, generatedDocs, llmCalls, agentRuns (got "riskReviews")',
  },
  {
    name: "a field the population does not expose",
    file: "p.yaml",
    text: `${head}criteria:\n${newCriterion("governance.l4.assessed").replace("trigger: material_change", "environment: production")}`,
    line: 10,
    column: 59,
    path: "criteria[0].degree.that.environment",
    message: "riskAssessments has no field environment; its fields are trigger, outcome",
  },
  {
    name: "a threshold above 1 (JSON)",
    file: "p.json",
    text: `{
  "name": "acme-bank",
  "version": 2,
  "extends": "builtin@${rubricVersion}",
  "overrides": [{ "criterion": "evaluation.l2.results-recorded", "threshold": 1.5 }]
}
`,
    line: 5,
    column: 79,
    path: "overrides[0].threshold",
    message: "expected a share more than 0 and at most 1 (got 1.5)",
  },
  {
    name: "a threshold of 0 (JSON, tab-indented)",
    file: "p.json",
    text: `{\n\t"name": "acme-bank",\n\t"version": 2,\n\t"extends": "builtin@${rubricVersion}",\n\t"overrides": [\n\t\t{\n\t\t\t"criterion": "evaluation.l2.results-recorded",\n\t\t\t"threshold": 0\n\t\t}\n\t]\n}\n`,
    line: 8,
    column: 17,
    path: "overrides[0].threshold",
    message: "expected a share more than 0 and at most 1 (got 0)",
  },
  {
    name: "a duplicate id among new criteria",
    file: "p.yaml",
    text: `${head}criteria:\n${newCriterion("governance.l4.assessed")}${newCriterion("governance.l4.assessed")}`,
    line: 14,
    column: 9,
    path: "criteria[1].id",
    message: "duplicate id governance.l4.assessed: criteria[0] has it already",
  },
  {
    name: "a level out of range",
    file: "p.yaml",
    text: `${head}criteria:\n${newCriterion("governance.l4.assessed").replace("level: 4", "level: 6")}`,
    line: 7,
    column: 12,
    path: "criteria[0].level",
    message: "must be at most 5 (got 6)",
  },
  {
    name: "an id that does not match its level",
    file: "p.yaml",
    text: `${head}criteria:\n${newCriterion("governance.l3.assessed")}`,
    line: 5,
    column: 9,
    path: "criteria[0].id",
    message: "a governance level-4 criterion's id starts with governance.l4.",
  },
  {
    name: "an unknown criterion in an override (JSON)",
    file: "p.json",
    text: `{
  "name": "acme-bank",
  "version": 2,
  "extends": "builtin@${rubricVersion}",
  "overrides": [
    { "criterion": "deployment.l2.weekly-deploy", "appliesTo": ["llm"] }
  ]
}
`,
    line: 6,
    column: 20,
    path: "overrides[0].criterion",
    message: "no built-in criterion deployment.l2.weekly-deploy",
  },
  {
    name: "two overrides of one criterion",
    file: "p.yaml",
    text: `${head}overrides:\n  - criterion: evaluation.l2.results-recorded\n    threshold: 1\n  - criterion: evaluation.l2.results-recorded\n    windowDays: 30\n`,
    line: 7,
    column: 16,
    path: "overrides[1].criterion",
    message: "overrides[0] already changes evaluation.l2.results-recorded",
  },
  {
    name: "a new criterion with a built-in id",
    file: "p.yaml",
    text: `${head}criteria:\n${newCriterion("governance.l4.risk-per-material-change")}`,
    line: 5,
    column: 9,
    path: "criteria[0].id",
    message: "governance.l4.risk-per-material-change is a built-in criterion",
  },
  {
    name: "extends naming another built-in version (JSON)",
    file: "p.json",
    text: `{ "name": "acme-bank", "version": 2, "extends": "builtin@2025.02-3" }`,
    line: 1,
    column: 49,
    path: "extends",
    message: `this product's built-in rubric is builtin@${rubricVersion}, not 2025.02-3`,
  },
  {
    name: "JSON syntax: a trailing comma",
    file: "p.json",
    text: `{\n  "name": "acme-bank",\n  "version": 2,\n}\n`,
    line: 4,
    column: 1,
    path: "",
    message: "JSON syntax: expected a property name in double quotes",
  },
  {
    name: "JSON: a duplicate key",
    file: "p.json",
    text: `{\n  "name": "acme-bank",\n  "name": "other"\n}\n`,
    line: 3,
    column: 3,
    path: "name",
    message: "duplicate key",
  },
  {
    name: "a system kind that does not exist",
    file: "p.yaml",
    text: `${head}overrides:\n  - criterion: deployment.l2.weekly-deploys\n    appliesTo: [llm, batch]\n`,
    line: 6,
    column: 22,
    path: "overrides[0].appliesTo[1]",
    message: 'expected one of classical, llm, agent (got "batch")',
  },
  {
    name: "a disabled criterion without a real reason",
    file: "p.yaml",
    text: `${head}overrides:\n  - criterion: deployment.l2.weekly-deploys\n    disabled: { reason: no }\n`,
    line: 6,
    column: 25,
    path: "overrides[0].disabled.reason",
    message: 'must be at least 10 characters long (got "no")',
  },
  {
    name: "a metric criterion's threshold lowered",
    file: "p.yaml",
    text: `${head}overrides:\n  - criterion: deployment.l4.change-failure-below-10\n    threshold: 0.8\n`,
    line: 6,
    column: 16,
    path: "overrides[0].threshold",
    message: "its threshold stays 1",
  },
  {
    name: "a YAML timestamp where data is expected",
    file: "p.yaml",
    text: `${head}description: !!timestamp 2026-01-01\n`,
    line: 4,
    column: 26,
    path: "description",
    message: "expected plain data",
  },
  {
    name: "a condition of no known form",
    file: "p.yaml",
    text: `${head}criteria:\n${newCriterion("governance.l4.assessed").replace("trigger: material_change", "trigger: { oneOf: x }")}`,
    line: 10,
    column: 68,
    path: "criteria[0].degree.that.trigger",
    message: "expected a condition: true or false, text, a number",
  },
  {
    name: "a bound of the wrong type inside a condition",
    file: "p.yaml",
    text: `${head}criteria:\n${newCriterion("governance.l4.assessed").replace("trigger: material_change", "trigger: { atLeast: high }")}`,
    line: 10,
    column: 79,
    path: "criteria[0].degree.that.trigger.atLeast",
    message: 'expected a number (got "high")',
  },
  {
    name: "a rule kind that does not exist",
    file: "p.yaml",
    text: `${head}criteria:\n${newCriterion("governance.l4.assessed").replace("rule: present", "rule: exists")}`,
    line: 10,
    column: 21,
    path: "criteria[0].degree.rule",
    message: 'expected one of share, present, cadence, covers, metric, all (got "exists")',
  },
  {
    name: "a name in a full rubric, which has none",
    file: "rubric.yaml",
    text: `version: acme-1\nname: acme\ncriteria:\n${newCriterion("governance.l4.assessed")}`,
    line: 2,
    column: 1,
    path: "name",
    message: "unknown field; the fields here are version, waivers, criteria",
  },
  {
    name: "a file that is neither a policy nor a rubric",
    file: "p.yaml",
    text: `name: acme-bank\nversion: 2\n`,
    line: 1,
    column: 1,
    path: "",
    message: "neither a policy nor a rubric",
  },
  {
    name: "an empty file",
    file: "p.yaml",
    text: "",
    line: 1,
    column: 1,
    path: "",
    message: "got an empty file",
  },
];

describe("readPolicyText refuses a malformed file", () => {
  it.each(cases)("$name", ({ file, text, line, column, path, message }) => {
    const result = readPolicyText(text, file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({
      file,
      line,
      column,
      path,
      message: expect.stringContaining(message),
    });
  });
});

describe("readPolicyText", () => {
  it("lists every problem of a file, in file order", () => {
    const text = `${head}overrides:\n  - criterion: deployment.l2.weekly-deploys\n    treshold: 0.5\n  - criterion: evaluation.l2.results-recorded\n    threshold: 2\n`;
    const result = readPolicyText(text, "p.yaml");
    expect(result.ok ? [] : result.errors.map((e) => [e.line, e.path])).toEqual([
      [6, "overrides[0].treshold"],
      [8, "overrides[1].threshold"],
    ]);
  });

  it("refuses hostile files without throwing: deep nesting, alias expansion", () => {
    const deep = readPolicyText(`criteria: ${"[".repeat(5000)}${"]".repeat(5000)}`, "deep.yaml");
    expect(deep.ok).toBe(false);
    const aliases = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (const [name, previous] of [
      ["b", "a"],
      ["c", "b"],
      ["d", "c"],
    ])
      aliases.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]`);
    const bomb = readPolicyText(aliases.join("\n"), "bomb.yaml");
    expect(bomb.ok || bomb.errors[0]?.message).toContain("Excessive alias count");
  });

  it("reads a policy: its name, version and the report's rubric version", () => {
    const result = readPolicyText(
      `${head}overrides:\n  - criterion: evaluation.l2.results-recorded\n    threshold: 1\n`,
      "p.yaml",
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy).toMatchObject({
      kind: "policy",
      name: "acme-bank",
      version: 2,
      rubricVersion: `builtin@${rubricVersion}+acme-bank@2`,
      document: {
        name: "acme-bank",
        version: 2,
        extends: `builtin@${rubricVersion}`,
        overrides: [{ criterion: "evaluation.l2.results-recorded", threshold: 1 }],
      },
    });
    expect(result.policy.rubric.version).toBe(result.policy.rubricVersion);
    expect(result.policy.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reads the same policy from YAML and from JSON alike", () => {
    const yaml = readPolicyText(
      `${head}overrides:\n  - { criterion: evaluation.l2.results-recorded, threshold: 1 }\n`,
      "p.yaml",
    );
    const json = readPolicyText(
      JSON.stringify({
        name: "acme-bank",
        version: 2,
        extends: `builtin@${rubricVersion}`,
        overrides: [{ criterion: "evaluation.l2.results-recorded", threshold: 1 }],
      }),
      "p.json",
    );
    expect(yaml).toEqual(json);
  });

  it("reads a full rubric of the organisation's own under its version, named custom", () => {
    const own = { ...rubric, version: "acme-2027.1", criteria: rubric.criteria.slice(0, 5) };
    const result = readPolicyText(JSON.stringify(own), "rubric.json");
    expect(result.ok && result.policy).toMatchObject({
      kind: "rubric",
      name: "custom",
      version: "acme-2027.1",
      rubricVersion: "acme-2027.1",
      disabled: [],
    });
    expect(result.ok && result.policy.rubric.criteria).toHaveLength(5);
  });

  it("reads the exported built-in rubric as the built-in policy", () => {
    const result = readPolicyText(exportRubricYaml(rubric), "rubric.yaml");
    expect(result.ok && result.policy).toEqual(builtinPolicy());
  });

  it("refuses a changed rubric that keeps the built-in version, or takes a policy's", () => {
    const changed = { ...rubric, criteria: rubric.criteria.slice(1) };
    const same = readPolicyText(JSON.stringify(changed), "r.json");
    expect(same.ok || same.errors).toEqual([
      expect.objectContaining({
        path: "version",
        message: expect.stringContaining("give it a version of its own"),
      }),
    ]);
    const borrowed = readPolicyText(JSON.stringify({ ...changed, version: "builtin@x+y@1" }), "r.json");
    expect(borrowed.ok || borrowed.errors[0]?.message).toContain("versions starting builtin@");
  });

  it("refuses a rubric file that fails the rubric's own checks", () => {
    const twice = { version: "acme-1", criteria: [rubric.criteria[0], rubric.criteria[0]] };
    const result = readPolicyText(JSON.stringify(twice, null, 2), "r.json");
    expect(result.ok || result.errors).toEqual([
      expect.objectContaining({ path: "criteria[1].id", message: expect.stringContaining("duplicate id") }),
    ]);
  });
});

describe("activePolicyFromDocument", () => {
  it("gives what the file gave, for the document a policy.activated event carries", () => {
    const file = readPolicyText(
      `${head}overrides:\n  - { criterion: evaluation.l2.results-recorded, threshold: 1 }\n`,
      "p.yaml",
    );
    if (!file.ok) throw new Error("the policy should read");
    expect(activePolicyFromDocument(file.policy.document)).toEqual(file);
  });

  it("refuses with paths but no positions", () => {
    const result = activePolicyFromDocument({
      name: "acme-bank",
      version: 0,
      extends: `builtin@${rubricVersion}`,
    });
    expect(result).toEqual({
      ok: false,
      errors: [{ file: "policy document", path: "version", message: "must be at least 1 (got 0)" }],
    });
  });

  it("keeps its own copy of the document", () => {
    const document = { name: "acme-bank", version: 1, extends: `builtin@${rubricVersion}` };
    const result = activePolicyFromDocument(document);
    document.name = "changed";
    expect(result.ok && result.policy.document["name"]).toBe("acme-bank");
  });

  it("refuses what is not plain data", () => {
    const result = activePolicyFromDocument({ name: "acme-bank", version: 1, extends: () => 1 }, "event e-1");
    expect(result.ok || result.errors[0]).toMatchObject({
      file: "event e-1",
      message: expect.stringContaining("plain data"),
    });
  });
});

describe("builtinPolicy", () => {
  it("scores with the built-in rubric under its own version", () => {
    const policy = builtinPolicy();
    expect(policy).toMatchObject({ kind: "builtin", name: "builtin", version: rubricVersion, rubricVersion });
    expect(policy.rubric).toBe(rubric);
    expect(activePolicyFromDocument(policy.document)).toEqual({ ok: true, policy });
  });
});
