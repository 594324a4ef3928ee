import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayMs } from "../time.ts";
import { bucketInRange, bucketRange } from "./bucket-range.ts";

const indicesInRange = (days: number[], from: number, to: number) =>
  days.flatMap((day, i) => (bucketInRange(day, from, to) ? [i] : []));

describe("bucketRange", () => {
  it("selects exactly the buckets bucketInRange accepts, for any sorted days and bounds", () => {
    const dayArb = fc.integer({ min: -5, max: 40 }).map((d) => d * dayMs);
    const boundArb = fc.oneof(
      fc.integer({ min: -6 * dayMs, max: 42 * dayMs }),
      fc.integer({ min: -6, max: 42 }).map((d) => d * dayMs - 1),
      fc.constant(-Infinity),
    );
    fc.assert(
      fc.property(fc.array(dayArb, { maxLength: 30 }), boundArb, boundArb, (unsorted, from, to) => {
        const days = unsorted.sort((a, b) => a - b);
        const [start, end] = bucketRange(
          days.map((day) => ({ day })),
          from,
          to,
        );
        const expected = indicesInRange(days, from, to);
        expect(Array.from({ length: end - start }, (_, k) => start + k)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("leaves out a day still in progress at `to`", () => {
    const buckets = [{ day: 0 }, { day: dayMs }, { day: 2 * dayMs }];
    expect(bucketRange(buckets, -Infinity, 2 * dayMs - 1)).toEqual([0, 2]);
    expect(bucketRange(buckets, 0, 3 * dayMs)).toEqual([1, 3]);
  });
});
