import { describe, expect, it } from "vitest";
import { columnListNames, initialSystemFacts } from "../facts/initial.ts";
import { firstKindTime } from "../facts/kinds/index.ts";
import { firstSeen } from "./catalog.ts";

describe("firstKindTime", () => {
  it("reads the head of every columnar list", () => {
    for (const name of columnListNames) {
      const facts = initialSystemFacts("s");
      (facts[name].t as number[]).push(42);
      expect(firstKindTime(facts, Infinity), name).toBe(42);
    }
  });

  it("is the earliest head, and Infinity without rows", () => {
    const facts = initialSystemFacts("s");
    expect(firstKindTime(facts, Infinity)).toBe(Infinity);
    facts.deploys.t.push(7, 9);
    facts.monitors.t.push(5);
    expect(firstKindTime(facts, Infinity)).toBe(5);
    expect(firstSeen(facts, 4)).toBeNull();
    expect(firstSeen(facts, 5)).toBe(5);
  });
});
