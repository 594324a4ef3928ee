import { axes, exampleEvents } from "@maturity/model";
import { rubric } from "@maturity/model/rubric";
import { scoreEvents } from "@maturity/scoring";
import { describe, expect, it } from "vitest";
import { clauseIndex } from "./clause-index.ts";

const report = scoreEvents(exampleEvents, { asOf: "2026-11-24T00:00:00Z" });
const system = report.systems.find((s) => s.systemId === "fraud-scoring")!;
const index = clauseIndex(system, rubric);

describe("clauseIndex", () => {
  it("lists every clause the rubric cites once, in framework then clause order", () => {
    const cited = new Set(
      rubric.criteria.flatMap((c) => c.regulations.map((r) => `${r.framework}|${r.clause}`)),
    );
    expect(index.map((e) => `${e.framework}|${e.clause}`).sort()).toEqual([...cited].sort());
    expect(index[0]!.framework).toBe("EU AI Act");
    expect(index.at(-1)!.framework).toBe("ISO/IEC 42001");
    const articles = index.filter((e) => e.framework === "EU AI Act").map((e) => Number(e.clause.slice(5)));
    expect(articles).toEqual([...articles].sort((a, b) => a - b));
  });

  it("agrees with the score report: each criterion's status and evidence as the report has them", () => {
    const results = new Map(axes.flatMap((axis) => system.axes[axis].criteria.map((c) => [c.id, c])));
    for (const entry of index)
      for (const criterion of entry.criteria) {
        const result = results.get(criterion.criterionId);
        if (result === undefined) expect(criterion.status).toBe("not_applicable");
        else {
          expect(criterion.status).toBe(result.status);
          expect(criterion.evidence).toEqual(result.evidence);
        }
      }
  });

  it("calls a clause supported only when every criterion that applies is met or waived", () => {
    for (const entry of index) {
      const applying = entry.criteria.filter((c) => c.status !== "not_applicable");
      expect(entry.supported).toBe(
        applying.length > 0 && applying.every((c) => ["met", "waived"].includes(c.status)),
      );
    }
    expect(index.some((e) => e.supported)).toBe(true);
    expect(index.some((e) => !e.supported)).toBe(true);
  });
});
