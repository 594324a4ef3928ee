import { describe, expect, it } from "vitest";
import { closestNames, unknownSystemMessage } from "./closest.ts";

describe("closestNames", () => {
  const known = ["fraud-scoring", "credit-limits", "search-ranker", "search-answers", "triage-agent"];

  it("puts the nearest first, case aside, and gives at most three", () => {
    expect(closestNames("fraud-scorng", known)[0]).toBe("fraud-scoring");
    expect(closestNames("SEARCH-RANKER", known)[0]).toBe("search-ranker");
    expect(closestNames("search", known)).toHaveLength(3);
    expect(closestNames("search", known).slice(0, 2).sort()).toEqual(["search-answers", "search-ranker"]);
  });

  it("says so when there is nothing to suggest", () => {
    expect(unknownSystemMessage("x", "a.ndjson", [])).toBe(
      'no system "x" in a.ndjson: it names no system at all',
    );
    expect(unknownSystemMessage("fraud", "a.ndjson", known)).toMatch(
      /^no system "fraud" in a.ndjson; the closest it has: fraud-scoring, /,
    );
  });
});
