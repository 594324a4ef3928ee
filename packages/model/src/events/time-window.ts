// The time window of limits.ts, checked against the clock of the parse in progress.
import { timeWindow } from "./limits.ts";

const earliestMs = Date.parse(timeWindow.earliest);
const offsetPattern = /([+-])(\d{2}):(\d{2})$/;

// zod checks run synchronously inside one parse, so parseEvent sets the clock for exactly that
// parse; anything else that validates a time field gets the wall clock.
let parseClock: number | undefined;

/** Runs a synchronous parse with `now` as the clock the time window is checked against. */
export function atClock<T>(now: number, parse: () => T): T {
  const outer = parseClock;
  parseClock = now;
  try {
    return parse();
  } finally {
    parseClock = outer;
  }
}

/**
 * Why an RFC 3339 time is outside the window, or undefined when it is inside. A `future` time (a
 * deadline such as a waiver's expiry) has no upper bound.
 */
export function eventTimeIssue(value: string, { future = false } = {}): string | undefined {
  const offset = offsetPattern.exec(value);
  if (offset !== null) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3]);
    if (minutes > timeWindow.maxOffsetMinutes) return `expected a UTC offset within ±14:00, got ${offset[0]}`;
  }
  const at = Date.parse(value);
  // Not a date-time at all: the format check says so.
  if (Number.isNaN(at)) return undefined;
  if (at < earliestMs) return `expected a time at or after ${timeWindow.earliest}, got ${value}`;
  if (future) return undefined;
  const latest = (parseClock ?? Date.now()) + timeWindow.aheadOfNowMs;
  if (at > latest)
    return `expected a time no later than a day from now (${new Date(latest).toISOString()}), got ${value}`;
  return undefined;
}
