import { fileURLToPath } from "node:url";
import { scoreReportSchema, type ScoreReport } from "@maturity/model";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, tempFile } from "../../test/run-cli.ts";

const asOf = "2026-11-24T00:00:00Z";
// The worked example for a regulated organisation, as the repository ships it.
const examplePolicy = fileURLToPath(
  new URL("../../../../examples/policies/regulated-bank.yaml", import.meta.url),
);

let events: string;
beforeAll(() => {
  const demo = runCli([
    "demo",
    ...["--end", asOf, "--systems", "30", "--teams", "4", "--days", "120", "--llm-calls-per-day", "2"],
  ]);
  expect(demo.status).toBe(0);
  events = tempFile("demo.ndjson", demo.stdout);
});

const scored = (args: string[]): ScoreReport => {
  const run = runCli(["score", events, "--as-of", asOf, "--json", ...args]);
  expect(run.status, run.stderr).toBe(0);
  return scoreReportSchema.parse(JSON.parse(run.stdout));
};

describe("maturity rubric", () => {
  it("exports the built-in rubric as YAML that scores byte for byte as the built-in rubric", () => {
    const exported = runCli(["rubric", "export"]);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/^version: 2026\.\d{2}-\d+$/m);
    const file = tempFile("rubric.yaml", exported.stdout);
    const builtin = runCli(["score", events, "--as-of", asOf, "--json"]);
    const fromFile = runCli(["score", events, "--as-of", asOf, "--json", "--policy", file]);
    expect(fromFile.status).toBe(0);
    expect(fromFile.stdout).toBe(builtin.stdout);
    const check = runCli(["rubric", "check", file]);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain("No changes");
  });

  it("checks the example policy and lists its changes criterion by criterion", () => {
    const check = runCli(["rubric", "check", examplePolicy]);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/rubricVersion builtin@2026\.\d{2}-\d+\+regulated-bank@\d+/);
    expect(check.stdout).toMatch(/deployment\.l3\.several-deploys-weekly \(deployment level 3\): disabled: /);
    expect(check.stdout).toMatch(/longest waiver: 180 days → 90 days/);
  });

  it("refuses a bad file with its line, column and path, for check, score and preview alike", () => {
    const bad = tempFile(
      "bad.yaml",
      [
        "name: acme",
        "version: 1",
        "extends: builtin@2026.11-1",
        "overrides:",
        "  - criterion: evaluation.l2.results-recorded",
        "    threshold: 1.5",
        "",
      ].join("\n"),
    );
    const where = /bad\.yaml:6:16: overrides\[0\]\.threshold: /;
    const check = runCli(["rubric", "check", bad]);
    expect(check.status).toBe(2);
    expect(check.stderr).toMatch(where);
    const score = runCli(["score", events, "--as-of", asOf, "--policy", bad]);
    expect(score.status).toBe(2);
    expect(score.stderr).toMatch(where);
    expect(score.stdout).toBe("");
    const preview = runCli(["rubric", "preview", bad, events, "--as-of", asOf]);
    expect(preview.status).toBe(2);
    expect(preview.stderr).toMatch(where);
  });

  it("scores under a policy: the report names it and its changes take effect", () => {
    const report = scored(["--policy", examplePolicy]);
    expect(report.rubricVersion).toMatch(/^builtin@2026\.\d{2}-\d+\+regulated-bank@\d+$/);
    const criteria = report.systems.flatMap((s) => s.axes.deployment.criteria.map((c) => c.id));
    expect(criteria).not.toContain("deployment.l3.several-deploys-weekly");
  });

  it("previews exactly the moves that scoring under each policy separately gives", () => {
    const run = runCli(["rubric", "preview", examplePolicy, events, "--as-of", asOf, "--json"]);
    expect(run.status, run.stderr).toBe(0);
    const preview = JSON.parse(run.stdout) as {
      from: string;
      to: string;
      changes: {
        systemId: string;
        team: string;
        axis: string;
        from: { level: number; score: number };
        to: { level: number; score: number };
      }[];
      teams: { team: string; track: string; up: number; down: number }[];
    };
    const before = scored([]);
    const after = scored(["--policy", examplePolicy]);
    expect(preview.from).toBe(before.rubricVersion);
    expect(preview.to).toBe(after.rubricVersion);
    const expected = [];
    for (const system of before.systems) {
      if (system.retired) continue;
      const other = after.systems.find((s) => s.systemId === system.systemId)!;
      for (const axis of Object.keys(system.axes) as (keyof typeof system.axes)[]) {
        const [a, b] = [system.axes[axis], other.axes[axis]];
        if (a.level !== b.level || a.score !== b.score)
          expected.push({
            systemId: system.systemId,
            team: system.team,
            axis,
            from: { level: a.level, score: a.score },
            to: { level: b.level, score: b.score },
          });
      }
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(preview.changes).toEqual(expected);
    const down = new Set(expected.filter((c) => c.to.level < c.from.level).map((c) => c.systemId));
    expect(preview.teams.reduce((sum, t) => sum + t.down, 0)).toBe(down.size);

    const text = runCli(["rubric", "preview", examplePolicy, events, "--as-of", asOf]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`${new Set(expected.map((c) => c.systemId)).size} system(s) would change`);
    expect(text.stdout).toMatch(/Criteria behind the moves/);
  });

  it("has --help on every rubric command", () => {
    for (const command of [[], ["export"], ["check"], ["preview"]]) {
      const help = runCli(["rubric", ...command, "--help"]);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/Usage: maturity rubric/);
    }
  });
});
