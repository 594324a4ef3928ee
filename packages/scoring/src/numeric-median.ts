import { median, medianOfSorted } from "./metrics/stats.ts";

/**
 * The median of `values` (which it sorts in place): the same number as `median`, found with the
 * typed array's own numeric sort, much faster than a comparator on the org's thousands of scores.
 * That sort orders -0 before 0 and places NaN last where `median`'s comparator leaves them as they
 * came, so lists holding either take the general path.
 */
export function medianInPlace(values: Float64Array): number | null {
  for (const v of values) if (v === 0 || v !== v) return median(Array.from(values));
  return medianOfSorted(values.sort());
}
