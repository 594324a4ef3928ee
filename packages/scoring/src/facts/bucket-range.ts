// Telemetry buckets (sorted by day) as time ranges: scoring reads the days it needs by binary
// search instead of testing every bucket of the system's history.
import { dayMs } from "../time.ts";

/** Telemetry buckets are whole UTC days: a day counts when all of it lies in (from, to]. */
export function bucketInRange(day: number, from: number, to: number): boolean {
  return day > from && day + dayMs - 1 <= to;
}

/** First index of a bucket for which `after` holds, in a list where it holds from some index on. */
function firstIndexWhere(buckets: readonly { day: number }[], after: (day: number) => boolean): number {
  let lo = 0;
  let hi = buckets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after((buckets[mid] as { day: number }).day)) hi = mid;
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
  const start = from === -Infinity ? 0 : firstIndexWhere(buckets, (day) => day > from);
  // The day's last millisecond must be within `to`.
  return [
    start,
    Math.max(
      start,
      firstIndexWhere(buckets, (day) => day + dayMs - 1 > to),
    ),
  ];
}
