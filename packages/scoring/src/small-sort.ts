// The few-element sorts of scoring (a system's risks, a window's samples) run once per system:
// an insertion sort needs no scratch array, where the built-in sort allocates one each call.

/** The largest list sorted by insertion; longer ones use the built-in sort. */
export const insertionSortLimit = 24;

/**
 * Sorts `items` in place, stably, and returns it: the same order as `items.sort(compare)` for a
 * consistent comparator (both are stable).
 */
export function sortInPlace<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > insertionSortLimit) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(items[j] as T, item) > 0) {
      items[j + 1] = items[j] as T;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}
