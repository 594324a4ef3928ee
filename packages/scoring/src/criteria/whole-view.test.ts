import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexView, ownView } from "../views/view.ts";
import { EvidenceCollector } from "./evidence.ts";
import { wholeView } from "./whole-view.ts";

describe("wholeView", () => {
  it("cites every row newest first, like a collector over the view, and sums the weights", () => {
    const rowArb = fc.record({
      id: fc.constantFrom("a", "b", "c", "d"),
      weight: fc.integer({ min: 1, max: 9 }),
    });
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 40 }),
        fc.boolean(),
        fc.boolean(),
        (rows, weighted, indexed) => {
          const cols = {
            id: rows.map((r) => r.id),
            t: rows.map((_, i) => i),
            ...(weighted && { weight: rows.map((r) => r.weight) }),
          };
          const index = rows.map((_, i) => i).filter((i) => i % 3 !== 1);
          const view = indexed ? indexView(cols, index) : ownView(cols);
          const expected = new EvidenceCollector().addView(view).result();
          const rowsSeen = indexed ? index.map((i) => rows[i]!) : rows;
          const total = rowsSeen.reduceRight((sum, r) => sum + (weighted ? r.weight : 1), 0);
          const whole = wholeView(view, new EvidenceCollector());
          expect(whole.evidence).toEqual(expected);
          expect(whole.total).toBe(total);
          expect(whole.view).toBe(view);
        },
      ),
    );
  });
});
