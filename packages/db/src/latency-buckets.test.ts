import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addToBuckets,
  bucketPercentile,
  fromStoredBuckets,
  latencyBucketIndex,
  latencyBucketUpperMs,
  mergeBuckets,
  toStoredBuckets,
} from "./latency-buckets.ts";

describe("log-scale latency buckets", () => {
  it("put every latency in a bucket whose upper bound is at or above it and within 19%", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e8, noNaN: true }), (latency) => {
        const upper = latencyBucketUpperMs(latencyBucketIndex(latency));
        expect(upper).toBeGreaterThanOrEqual(latency);
        expect(upper).toBeLessThanOrEqual(latency * 2 ** 0.25 * (1 + 1e-9));
      }),
    );
  });

  it("read percentiles that merging histograms does not change", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 200 }),
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 200 }),
        (left, right) => {
          const a: number[] = [];
          const b: number[] = [];
          const all: number[] = [];
          for (const latency of left) addToBuckets(a, latency);
          for (const latency of right) addToBuckets(b, latency);
          for (const latency of [...left, ...right]) addToBuckets(all, latency);
          const merged = mergeBuckets([...a], b);
          for (const q of [0.5, 0.95, 0.99])
            expect(bucketPercentile(merged, q)).toBe(bucketPercentile(all, q));
        },
      ),
    );
  });

  it("answer the p50 of known latencies within one bucket, and null when empty", () => {
    const buckets: number[] = [];
    for (const latency of [10, 20, 30, 40, 1000]) addToBuckets(buckets, latency);
    const p50 = bucketPercentile(buckets, 0.5)!;
    expect(p50).toBeGreaterThanOrEqual(30);
    expect(p50).toBeLessThan(30 * 1.19);
    expect(bucketPercentile([], 0.5)).toBeNull();
  });

  it("store only the non-empty buckets, and read back the same histogram", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 50 }), (latencies) => {
        const buckets: number[] = [];
        for (const latency of latencies) addToBuckets(buckets, latency);
        const stored = toStoredBuckets(buckets);
        expect(Object.values(stored).every((count) => count > 0)).toBe(true);
        expect(fromStoredBuckets(stored)).toEqual(buckets);
      }),
    );
    expect(toStoredBuckets([0, 0, 3, 0, 1])).toEqual({ 2: 3, 4: 1 });
  });
});
