// Sorted-array helpers: facts stay plain arrays, kept in order so the fold is order-independent.
import type { Rec } from "./types.ts";

/** Index of the first element whose key is ≥ `key` (lower bound). */
export function lowerBound<T>(list: readonly T[], key: number, keyOf: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(list[mid] as T) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element whose key is > `key` (upper bound). */
export function upperBound<T>(list: readonly T[], key: number, keyOf: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(list[mid] as T) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Adds `hash` to the sorted set; false when it was already there (a duplicate event). */
export function addToSortedSet(set: number[], hash: number): boolean {
  let lo = 0;
  let hi = set.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((set[mid] as number) < hash) lo = mid + 1;
    else hi = mid;
  }
  if (set[lo] === hash) return false;
  set.splice(lo, 0, hash);
  return true;
}

function compareRec(a: Rec, b: Rec): number {
  return a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Inserts by (t, id). Appending in time order, the common case, costs O(1). */
export function insertByTime<T extends Rec>(list: T[], rec: T): void {
  const last = list[list.length - 1];
  if (last === undefined || compareRec(last, rec) <= 0) {
    list.push(rec);
    return;
  }
  let at = lowerBound(list, rec.t, (r) => r.t);
  while (at < list.length && compareRec(list[at] as T, rec) < 0) at++;
  list.splice(at, 0, rec);
}

const timeOf = (r: Rec) => r.t;

/** The records with from < t ≤ to (the slice is a copy; the list is sorted by t). */
export function between<T extends Rec>(list: readonly T[], from: number, to: number): T[] {
  const start = from === -Infinity ? 0 : upperBound(list, from, timeOf);
  const end = upperBound(list, to, timeOf);
  return list.slice(start, end);
}

/** The records with t ≤ to. */
export function upTo<T extends Rec>(list: readonly T[], to: number): T[] {
  return between(list, -Infinity, to);
}
