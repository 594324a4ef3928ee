import { scoreReportSchema } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { runCli, tempFile } from "../../test/run-cli.ts";

const asOf = "2026-11-24T00:00:00Z";

const line = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    specversion: "1.0",
    id: "e1",
    source: "test",
    type: "catalog.system.registered",
    time: "2026-06-01T00:00:00Z",
    subject: "fraud",
    data: { name: "Fraud", team: "risk", kind: "classical", riskTier: "high" },
    ...overrides,
  });

describe("maturity score", () => {
  it("--json prints only a valid score report", () => {
    const file = tempFile(
      "ok.ndjson",
      [line(), "", line({ id: "e2", type: "gov.owner.assigned", data: { owner: "alice" } }), ""].join("\n"),
    );
    const { status, stdout } = runCli(["score", file, "--as-of", asOf, "--json"]);
    expect(status).toBe(0);
    const report = scoreReportSchema.parse(JSON.parse(stdout));
    expect(report.asOf).toBe("2026-11-24T00:00:00.000Z");
    expect(report.systems.map((s) => s.systemId)).toEqual(["fraud"]);
  });

  it("reads standard input for -", () => {
    const events = [line(), line({ id: "e2", type: "gov.owner.assigned", data: { owner: "alice" } })];
    const { status, stdout } = runCli(["score", "-", "--as-of", asOf, "--json"], `${events.join("\n")}\n`);
    expect(status).toBe(0);
    const report = scoreReportSchema.parse(JSON.parse(stdout));
    expect(report.systems.map((s) => s.systemId)).toEqual(["fraud"]);
    const bad = runCli(["score", "-", "--as-of", asOf], `${line()}\n{oops\n`);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(
      /standard input has 1 bad line\(s\); nothing was scored\.\n {2}line 2: not JSON/,
    );
    expect(bad.stdout).toBe("");
  });

  it("routes a native id's events to the system the file's catalogue says claims it", () => {
    const registered = line({
      data: {
        name: "Fraud",
        team: "risk",
        kind: "classical",
        riskTier: "high",
        sources: { repos: ["acme/fraud"] },
      },
    });
    const pipeline = (subject: string, id: string) =>
      line({
        id,
        source: "https://github.com/acme/fraud/actions",
        type: "ci.pipeline.completed",
        time: "2026-07-01T00:00:00Z",
        subject,
        data: { pipeline: "training", status: "succeeded", trigger: "schedule", commitSha: "4e5d6c7" },
      });
    // The native id's event comes first: it must wait for the claim further down the file.
    const routed = tempFile(
      "routed.ndjson",
      [
        pipeline("unmapped:repo:acme/fraud", "ci-1"),
        pipeline("unmapped:repo:acme/other", "ci-2"),
        registered,
      ].join("\n"),
    );
    const direct = tempFile("direct.ndjson", [registered, pipeline("fraud", "ci-1")].join("\n"));
    const viaNativeId = runCli(["score", routed, "--as-of", asOf, "--json"]);
    const asOwnEvent = runCli(["score", direct, "--as-of", asOf, "--json"]);
    expect(viaNativeId.status).toBe(0);
    expect(scoreReportSchema.parse(JSON.parse(viaNativeId.stdout)).systems.map((s) => s.systemId)).toEqual([
      "fraud",
    ]);
    expect(viaNativeId.stdout).toBe(asOwnEvent.stdout);
    const summary = runCli(["score", routed, "--as-of", asOf]);
    expect(summary.stdout).toContain(
      "3 event(s) read; 1 event(s) of native ids no system claims were not used.",
    );
  });

  it("prints a readable summary without --json", () => {
    const file = tempFile("ok.ndjson", `${line()}\n`);
    const { status, stdout } = runCli(["score", file, "--as-of", asOf]);
    expect(status).toBe(0);
    expect(stdout).toContain("fraud");
    expect(stdout).toMatch(/Org risks/);
  });

  it.each([
    ["not JSON", "{oops", /line 2: not JSON/],
    ["a schema failure", line({ id: "e9", data: { name: "x" } }), /line 2: data\.team/],
    [
      "an unknown type",
      line({ id: "e9", type: "deploy.exploded" }),
      /line 2: type: unknown event type "deploy\.exploded"/,
    ],
  ])("exits non-zero naming the line on %s, and scores nothing", (_what, bad, message) => {
    const file = tempFile("bad.ndjson", [line(), bad, line({ id: "e3" })].join("\n"));
    const { status, stdout, stderr } = runCli(["score", file, "--as-of", asOf, "--json"]);
    expect(status).not.toBe(0);
    expect(stderr).toMatch(message);
    expect(stdout).toBe("");
  });

  it("rejects a bad --as-of clearly", () => {
    const file = tempFile("ok.ndjson", `${line()}\n`);
    const { status, stderr } = runCli(["score", file, "--as-of", "last tuesday"]);
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/--as-of.*ISO 8601/);
  });

  it("reports a missing file", () => {
    const { status, stderr } = runCli(["score", "/nonexistent/events.ndjson"]);
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/cannot read/);
  });

  it("has --help on the program and on score", () => {
    const top = runCli(["--help"]);
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/score/);
    const score = runCli(["score", "--help"]);
    expect(score.status).toBe(0);
    expect(score.stdout).toMatch(/--as-of/);
    expect(score.stdout).toMatch(/--json/);
  });
});
