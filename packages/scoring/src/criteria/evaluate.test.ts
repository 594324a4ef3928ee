import { describe, expect, it } from "vitest";
import { scoreEvents } from "../score-events.ts";
import { daysBefore, register } from "../test/builders.ts";
import { criterionOf, systemOf } from "../test/criteria.ts";

const asOf = "2026-11-24T00:00:00.000Z";

describe("criteria without data", () => {
  const report = scoreEvents([register("a", daysBefore(asOf, 100)), register("b", daysBefore(asOf, 50))], {
    asOf,
  });
  const id = "governance.l2.named-owner";

  it("have the one no-data result, shared by every system's report", () => {
    const a = criterionOf(systemOf(report, "a"), id);
    expect(a).toEqual({
      id,
      level: 2,
      degree: 0,
      met: false,
      status: "no_data",
      evidence: [],
      evidenceCount: 0,
      aheadOfFoundation: false,
    });
    expect(criterionOf(systemOf(report, "b"), id)).toBe(a);
  });
});
