// The shipped example organisation: the file matches its generator, and the report says what a
// reader of the article would expect.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scoreReportSchema, type ScoreReport } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { exampleAsOf, exampleScenariosNdjson } from "./example-scenarios.ts";
import { runCli } from "./run-cli.ts";

const examplePath = fileURLToPath(new URL("../examples/scenarios.ndjson", import.meta.url));

describe("examples/scenarios.ndjson", () => {
  it("is what the generator produces", () => {
    expect(readFileSync(examplePath, "utf8")).toBe(exampleScenariosNdjson());
  });

  const { status, stdout } = runCli(["score", examplePath, "--as-of", exampleAsOf, "--json"]);
  const report: ScoreReport = scoreReportSchema.parse(JSON.parse(stdout));
  const system = (id: string) => {
    const found = report.systems.find((s) => s.systemId === id);
    if (!found) throw new Error(id);
    return found;
  };

  it("scores without errors", () => expect(status).toBe(0));

  it("puts dynamic pricing's deployment-ahead-of-evaluation at the top of the org's risks", () => {
    expect(report.org.risks[0]).toMatchObject({
      kind: "axis_mismatch",
      systemId: "dynamic-pricing",
      axes: ["deployment", "evaluation"],
    });
  });

  it("shows the search team's LLM system lagging its classical one", () => {
    const search = report.teams.find((t) => t.team === "search");
    expect(search?.trackGap.evaluation).toBeGreaterThanOrEqual(1);
    expect(report.org.risks.some((r) => r.kind === "track_gap" && r.team === "search")).toBe(true);
  });

  it("has credit limits at level 2 on every axis and fraud scoring well above it", () => {
    for (const axis of Object.values(system("credit-limits").axes)) expect(axis.level).toBe(2);
    for (const axis of Object.values(system("fraud-scoring").axes))
      expect(axis.level).toBeGreaterThanOrEqual(3);
  });

  it("keeps the retired system out of rollups and risks", () => {
    expect(system("legacy-churn").retired).toBe(true);
    expect(report.org.risks.some((r) => r.systemId === "legacy-churn")).toBe(false);
    expect(report.teams.find((t) => t.team === "growth")?.systemCount).toBe(1);
  });
});
