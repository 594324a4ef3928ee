// Telemetry buckets (sorted by day) as time ranges: scoring reads the days it needs by binary
// search instead of testing every bucket of the system's history.
import { dayMs } from "../time.ts";

/** Telemetry buckets are whole UTC days: a day counts when all of it lies in (from, to]. */
export function bucketInRange(day: number, from: number, to: number): boolean {
  return day > from && day + dayMs - 1 <= to;
}

/** First index in [0, n) where `past(i)` holds, for a predicate false then true along the list. */
function firstWhere(n: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Index range [start, end) of the buckets whose day is in range (see bucketInRange), in a list
 * sorted by day: exactly the buckets `bucketInRange` accepts, in the same order.
 */
export function bucketRange(
  buckets: readonly { day: number }[],
  from: number,
  to: number,
): [start: number, end: number] {
  const dayAt = (i: number) => (buckets[i] as { day: number }).day;
  const start = from === -Infinity ? 0 : firstWhere(buckets.length, (i) => dayAt(i) > from);
  const end = firstWhere(buckets.length, (i) => dayAt(i) + dayMs - 1 > to);
  return [start, Math.max(start, end)];
}
