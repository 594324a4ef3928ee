import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evidenceIdCap } from "@maturity/model";
import { EvidenceCollector } from "./evidence.ts";

describe("EvidenceCollector", () => {
  it("gives equal results as one shared object, and each result the ids and count collected", () => {
    const idsArb = fc.array(fc.constantFrom("a", "b", "c"), { maxLength: 30 });
    fc.assert(
      fc.property(fc.array(idsArb, { maxLength: 8 }), (lists) => {
        const collector = new EvidenceCollector();
        const results = lists.map((ids) => {
          collector.reset();
          for (const id of ids) collector.add(id);
          return collector.result();
        });
        lists.forEach((ids, i) => {
          const distinct = ids.filter((id, j) => j === 0 || ids[j - 1] !== id);
          expect(results[i]).toEqual({ ids: distinct.slice(0, evidenceIdCap), count: distinct.length });
          results.forEach((other, j) => {
            if (JSON.stringify(other) === JSON.stringify(results[i])) expect(other).toBe(results[i]);
            else expect(j).not.toBe(i);
          });
        });
      }),
    );
  });
});
