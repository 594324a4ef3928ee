import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evidenceIdCap } from "@maturity/model";
import { EvidenceCollector } from "./evidence.ts";

describe("EvidenceCollector", () => {
  it("gives equal results as one shared object, and each result the ids and count collected", () => {
    const idsArb = fc.array(fc.constantFrom("a", "b", "c"), { maxLength: 30 });
    // Rows of one event share its time; ids given without times (addIds) are read from the end.
    const timeOf = { a: 1, b: 1, c: 2 } as Record<string, number>;
    fc.assert(
      fc.property(fc.array(fc.tuple(idsArb, fc.boolean()), { maxLength: 8 }), (collected) => {
        const lists = collected.map(([ids]) => ids);
        const collector = new EvidenceCollector();
        const results = collected.map(([ids, asRows]) => {
          collector.reset();
          if (asRows) for (const id of ids) collector.add(id, timeOf[id] as number);
          else collector.addIds([...ids].reverse());
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
