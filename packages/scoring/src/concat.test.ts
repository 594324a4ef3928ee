import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concatenated } from "./concat.ts";

describe("concatenated", () => {
  it("gives what flat().slice(0, cap) gives", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer(), { maxLength: 6 }), { maxLength: 6 }),
        fc.option(fc.nat({ max: 40 }), { nil: undefined }),
        (lists, cap) => {
          expect(concatenated(lists, cap)).toEqual(lists.flat().slice(0, cap ?? Infinity));
        },
      ),
    );
  });
});
