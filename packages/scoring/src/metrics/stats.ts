import { insertionSortLimit } from "../small-sort.ts";

const ascending = (a: number, b: number) => a - b;

/** The longest sample list sorted by insertion here; longer ones use the built-in sort. */
export const numericInsertionLimit = 64;

/**
 * Sorts `values` ascending in place (for arrays the caller owns) and returns it: the same order as
 * `values.sort((a, b) => a - b)`. A window's samples are few: an insertion sort comparing numbers
 * directly beats the built-in sort, which calls the comparator as a function and allocates. Up to
 * `insertionSortLimit` it moves exactly what `sortInPlace` did (NaN included); beyond that, without
 * NaN, ascending order is unique but for ties of 0 and -0, which both stable sorts keep in order.
 */
export function sortAscending(values: number[]): number[] {
  const n = values.length;
  if (n > numericInsertionLimit || (n > insertionSortLimit && values.some(Number.isNaN)))
    return values.sort(ascending);
  for (let i = 1; i < n; i++) {
    const value = values[i] as number;
    let j = i - 1;
    while (j >= 0 && (values[j] as number) > value) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = value;
  }
  return values;
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
