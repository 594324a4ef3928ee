// The demo organisation, scored by the real scorer, shows the advertised picture.
import { axes, type SystemReport } from "@maturity/model";
import { initialFacts, evolve, scoreOrg } from "@maturity/scoring";
import { parseEvent } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { demoDefaults, organisationHistory, planOrganisation } from "./index.ts";

const end = Date.parse("2026-11-24T00:00:00Z");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

describe.each([1, 2, 3])("the default demo organisation (seed %i), scored", (seed) => {
  const options = { ...demoDefaults, seed, llmCallsPerDay: 4, end };
  const facts = initialFacts();
  for (const event of organisationHistory(planOrganisation(options), options)) {
    const parsed = parseEvent(event);
    if (parsed.ok) evolve(facts, parsed.event);
  }
  const report = scoreOrg(facts, { asOf: end });
  const classical = report.systems.filter((s) => s.kind === "classical");
  const llm = report.systems.filter((s) => s.kind !== "classical");
  const level = (s: SystemReport, axis: (typeof axes)[number]) => s.axes[axis].level;

  it("has classical ML mostly at level 3 and LLM/agent operations at levels 1–2", () => {
    expect(median(classical.map((s) => level(s, "evaluation")))).toBeGreaterThanOrEqual(3);
    expect(median(classical.map((s) => level(s, "deployment")))).toBeGreaterThanOrEqual(3);
    expect(median(llm.map((s) => level(s, "evaluation")))).toBeLessThanOrEqual(2);
    for (const axis of axes) expect(median(llm.map((s) => level(s, axis)))).toBeLessThanOrEqual(2);
  });

  it("ranks an axis mismatch first for a system shipping far ahead of its evaluation", () => {
    const ahead = report.systems.filter((s) => level(s, "deployment") - level(s, "evaluation") >= 2);
    expect(ahead.length).toBeGreaterThan(0);
    const topRisks = ahead.map((s) => report.org.risks.find((r) => r.systemId === s.systemId));
    expect(topRisks.some((r) => r?.kind === "axis_mismatch" && r.axes?.[0] === "deployment")).toBe(true);
  });

  it("shows LLM operations lagging: a positive org track gap on every axis, and team track-gap risks", () => {
    for (const axis of axes) expect(report.org.trackGap[axis]).toBeGreaterThan(0);
    expect(report.org.risks.some((r) => r.kind === "track_gap")).toBe(true);
  });

  it("includes systems at every level from 1 to 5 and governance lagging behind a CI platform", () => {
    const levels = new Set(report.systems.map((s) => level(s, "evaluation")));
    expect([...levels].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(report.systems.some((s) => level(s, "governance") === 1 && level(s, "deployment") >= 3)).toBe(
      true,
    );
  });
});
