import { rubric } from "@maturity/model/rubric";
import { describe, expect, it } from "vitest";
import { ruleText } from "./rule-text.ts";

describe("a criterion's rule in words", () => {
  it("says what is counted and the threshold, for every rule of the built-in rubric", () => {
    for (const criterion of rubric.criteria) {
      const text = ruleText(criterion.degree, criterion.threshold);
      expect(text, criterion.id).toMatch(/^Degree \(0–1\) = .+\. Met when the degree is at least [\d.]+\.$/);
      expect(text, criterion.id).not.toContain("undefined");
      expect(text, criterion.id).not.toContain("[object Object]");
    }
  });

  it("reads conditions, bounds and combined rules", () => {
    expect(
      ruleText(
        { rule: "share", of: "productionDeploys", that: { gate: ["passed", "failed"], evaluated: true } },
        0.9,
      ),
    ).toBe(
      "Degree (0–1) = the share of productionDeploys with gate is one of passed, failed and evaluated = true. Met when the degree is at least 0.9.",
    );
    expect(
      ruleText(
        {
          rule: "all",
          rules: [
            { rule: "metric", metric: "changeFailureRate", op: "atMost", value: 0.15 },
            { rule: "share", of: "rebuilds", that: { durationMinutes: { atMost: 60 } } },
          ],
        },
        1,
      ),
    ).toContain("the lowest of: whether changeFailureRate is at most 0.15");
  });
});
