// `maturity score --json` prints what the published score report schema (docs/schemas/score-report.json,
// GET /v1/schemas/score-report.json) describes: checked with ajv, not with the zod schema it was
// generated from, so the published contract itself is what is tested.
import { fileURLToPath } from "node:url";
import { scoreReportJsonSchema, scoreReportSchemaId } from "@maturity/model/contracts";
import { contractValidator } from "@maturity/model/contracts/testing";
import { describe, expect, it } from "vitest";
import { exampleAsOf } from "../../test/example-scenarios.ts";
import { runCli } from "../../test/run-cli.ts";

const scenarios = fileURLToPath(new URL("../../examples/scenarios.ndjson", import.meta.url));
const validator = contractValidator([scoreReportJsonSchema()]);

describe("maturity score --json against the published score report schema", () => {
  const { status, stdout, stderr } = runCli(["score", scenarios, "--as-of", exampleAsOf, "--json"]);
  const report = JSON.parse(stdout) as { systems: unknown[]; org: { risks: unknown[] } };

  it("prints a report of the example organisation that the schema accepts", () => {
    expect(status, stderr).toBe(0);
    // Not a trivially small report: every part of the schema gets exercised.
    expect(report.systems.length).toBeGreaterThan(3);
    expect(report.org.risks.length).toBeGreaterThan(0);
    expect(validator.check(scoreReportSchemaId, report).errors).toBe("");
  });

  it("is refused by the schema once broken, so the check has teeth", () => {
    const noSystems = { ...report, systems: undefined };
    expect(validator.check(scoreReportSchemaId, noSystems).valid).toBe(false);
    const badScore = structuredClone(report) as { systems: { axes: { evaluation: { score: unknown } } }[] };
    badScore.systems[0]!.axes.evaluation.score = "high";
    expect(validator.check(scoreReportSchemaId, badScore).valid).toBe(false);
  });
});
