import { describe, expect, it } from "vitest";
import { axes, systemKindSchema } from "../kinds.ts";
import { rubricIssues } from "./checks.ts";
import { rubric, rubricSchema, rubricVersion } from "./index.ts";

describe("rubric", () => {
  it("is valid rubric data with the published version", () => {
    expect(rubricSchema.safeParse(rubric).success).toBe(true);
    expect(rubric.version).toBe(rubricVersion);
  });

  it("passes the checks zod cannot make (unique ids matching axis and level, known fields, metric thresholds)", () => {
    expect(rubricIssues(rubric)).toEqual([]);
  });

  it("has criteria at every axis × level 2–5 for every system kind", () => {
    for (const kind of systemKindSchema.options)
      for (const axis of axes)
        for (const level of [2, 3, 4, 5]) {
          const found = rubric.criteria.filter(
            (c) => c.axis === axis && c.level === level && c.appliesTo.includes(kind),
          );
          expect(found.length, `${kind} ${axis} L${level}`).toBeGreaterThan(0);
        }
  });

  it("uses the article's numbers", () => {
    const byId = new Map(rubric.criteria.map((c) => [c.id, c.degree]));
    expect(byId.get("deployment.l2.weekly-deploys")).toMatchObject({ rule: "cadence", perWeek: 1 });
    expect(byId.get("deployment.l3.several-deploys-weekly")).toMatchObject({ perWeek: 3 });
    expect(byId.get("deployment.l4.change-failure-below-10")).toMatchObject({ op: "below", value: 0.1 });
    expect(byId.get("observability.l4.recovery-under-hour")).toMatchObject({ op: "below", value: 1 });
    expect(byId.get("evaluation.l4.production-samples-weekly")).toMatchObject({ perWeek: 1 });
    expect(byId.get("reproducibility.l5.rebuild-within-hour")).toMatchObject({
      that: { durationMinutes: { atMost: 60 } },
    });
  });

  it("cites at least one regulation clause per criterion", () => {
    for (const c of rubric.criteria) expect(c.regulations.length, c.id).toBeGreaterThan(0);
  });
});
