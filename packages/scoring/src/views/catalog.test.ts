import { describe, expect, it } from "vitest";
import { columnListNames, initialSystemFacts } from "../facts/initial.ts";
import { firstColumnTime, firstSeen } from "./catalog.ts";

describe("firstColumnTime", () => {
  it("reads the head of every columnar list", () => {
    for (const name of columnListNames) {
      const facts = initialSystemFacts("s");
      (facts[name].t as number[]).push(42);
      expect(firstColumnTime(facts), name).toBe(42);
    }
  });

  it("is the earliest head, and Infinity without rows", () => {
    const facts = initialSystemFacts("s");
    expect(firstColumnTime(facts)).toBe(Infinity);
    facts.deploys.t.push(7, 9);
    facts.monitors.t.push(5);
    expect(firstColumnTime(facts)).toBe(5);
    expect(firstSeen(facts, 4)).toBeNull();
    expect(firstSeen(facts, 5)).toBe(5);
  });
});
