import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { insertionSortLimit, sortInPlace } from "../small-sort.ts";
import { numericInsertionLimit, sortAscending } from "./stats.ts";

const ascending = (a: number, b: number) => a - b;

describe("sortAscending", () => {
  it("orders exactly as the sort it replaces: zeros of either sign, infinities and NaN included", () => {
    const valueArb = fc.oneof(
      fc.double(),
      fc.constantFrom(0, -0, Infinity, -Infinity, Number.NaN),
      fc.integer({ min: 0, max: 3 }),
    );
    fc.assert(
      fc.property(fc.array(valueArb, { maxLength: numericInsertionLimit + 8, size: "max" }), (values) => {
        const before = [...values];
        const expected =
          values.length <= insertionSortLimit ? sortInPlace(before, ascending) : before.sort(ascending);
        const sorted = sortAscending(values);
        expect(sorted).toBe(values);
        expect(sorted.length).toBe(expected.length);
        sorted.forEach((v, i) => expect(Object.is(v, expected[i])).toBe(true));
      }),
      { numRuns: 1000 },
    );
  });
});
