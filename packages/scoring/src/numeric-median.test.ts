import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { median } from "./metrics/stats.ts";
import { medianInPlace } from "./numeric-median.ts";

describe("medianInPlace", () => {
  it("agrees with median for any numbers, zeros of both signs included", () => {
    const valueArb = fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1, 2.5));
    fc.assert(
      fc.property(fc.array(valueArb, { maxLength: 40 }), (values) => {
        expect(medianInPlace(Float64Array.from(values))).toStrictEqual(median(values));
      }),
      { numRuns: 1000 },
    );
  });

  it("is null for no values", () => {
    expect(medianInPlace(new Float64Array(0))).toBeNull();
  });
});
