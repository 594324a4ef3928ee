import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SystemFacts } from "../facts/types.ts";
import { approved, assessed, markDeployRefs, registered } from "./deploy-refs.ts";

const ref = fc.constantFrom("v1", "v2", "d1", "d2", "x");
const at = fc.integer({ min: 0, max: 20 });
const sortedRows = <R extends { t: number }>(arb: fc.Arbitrary<R>) =>
  fc.array(arb, { maxLength: 12 }).map((rows) => rows.sort((a, b) => a.t - b.t));

describe("markDeployRefs", () => {
  it("flags a key as the sets of registered versions, approved and assessed refs up to asOf would", () => {
    fc.assert(
      fc.property(
        sortedRows(fc.record({ t: at, version: ref })),
        sortedRows(fc.record({ t: at, changeRef: ref, approved: fc.boolean() })),
        sortedRows(fc.record({ t: at, changeRef: fc.option(ref, { nil: null }) })),
        fc.uniqueArray(ref),
        at,
        (versions, reviews, assessments, keys, asOf) => {
          const facts = {
            modelVersions: { t: versions.map((r) => r.t), version: versions.map((r) => r.version) },
            changeReviews: {
              t: reviews.map((r) => r.t),
              changeRef: reviews.map((r) => r.changeRef),
              approved: reviews.map((r) => r.approved),
            },
            riskAssessments: {
              t: assessments.map((r) => r.t),
              changeRef: assessments.map((r) => r.changeRef),
            },
          } as unknown as SystemFacts;
          const flags = new Map(keys.map((key) => [key, 0]));
          markDeployRefs(facts, asOf, flags);
          const upTo = <R extends { t: number }>(rows: R[]) => rows.filter((r) => r.t <= asOf);
          for (const key of keys) {
            const expected =
              (upTo(versions).some((r) => r.version === key) ? registered : 0) |
              (upTo(reviews).some((r) => r.approved && r.changeRef === key) ? approved : 0) |
              (upTo(assessments).some((r) => r.changeRef === key) ? assessed : 0);
            expect(flags.get(key)).toBe(expected);
          }
          expect([...flags.keys()]).toEqual(keys);
        },
      ),
      { numRuns: 300 },
    );
  });
});
