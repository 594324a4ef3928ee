import { sortInPlace } from "../small-sort.ts";

const ascending = (a: number, b: number) => a - b;

/** Sorts `values` ascending in place (for arrays the caller owns) and returns it. */
export function sortAscending(values: number[]): number[] {
  return sortInPlace(values, ascending);
}

/** The median of values already in ascending order. */
export function medianOfSorted(sorted: ArrayLike<number>): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The nearest-rank percentile of values already in ascending order. */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] as number;
}

/** The middle value; the mean of the two middle values for an even count; null when empty. */
export function median(values: readonly number[]): number | null {
  return medianOfSorted(sortAscending([...values]));
}

/** Nearest-rank percentile (p in (0, 1]): the smallest value with at least p of the values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  return percentileOfSorted(sortAscending([...values]), p);
}
