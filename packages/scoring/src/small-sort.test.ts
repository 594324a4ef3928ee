import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { insertionSortLimit, sortInPlace } from "./small-sort.ts";

describe("sortInPlace", () => {
  it("orders like the built-in stable sort, ties kept in their order, short lists and long", () => {
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), tag: fc.nat() }), {
          maxLength: insertionSortLimit * 2,
        }),
        (items) => {
          const expected = [...items].sort(byKey);
          const copy = [...items];
          expect(sortInPlace(copy, byKey)).toBe(copy);
          expect(copy).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("sorts numbers ascending, zeros of either sign kept in order", () => {
    expect(sortInPlace([3, -0, 1, 0, 2], (a, b) => a - b)).toEqual([-0, 0, 1, 2, 3]);
  });
});
