// Score history as weekly samples. A history row says "from `at` on, the score was `score`"; a
// sample is the score in force at a time. Samples are taken back from asOf every week, as far as
// the window or the history reaches.

export interface ScorePoint {
  /** ISO 8601: from when the score held. */
  at: string;
  score: number;
  level: number;
}

export interface WeeklySample {
  /** Days before asOf, as a negative number (0 is asOf itself). */
  x: number;
  /** Epoch ms. */
  time: number;
  score: number;
  level: number;
}

export const dayMs = 24 * 60 * 60 * 1000;
export const sampleEveryDays = 7;

/** The history in time order (then by score and level), whatever order it arrived in. */
export function sortedPoints(points: readonly ScorePoint[]): (ScorePoint & { time: number })[] {
  return points
    .map((point) => ({ ...point, time: Date.parse(point.at) }))
    .filter((point) => !Number.isNaN(point.time))
    .sort((a, b) => a.time - b.time || a.score - b.score || a.level - b.level);
}

/** The value in force at `time` (the last row at or before it), or undefined before the first. */
export function valueAt<T extends { time: number }>(sorted: readonly T[], time: number): T | undefined {
  let low = 0;
  let high = sorted.length - 1;
  let found: T | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.time <= time) {
      found = sorted[middle];
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Sample times: asOf, a week before, … back to `windowDays` (oldest first). */
export function sampleTimes(asOf: number, windowDays: number): number[] {
  const times: number[] = [];
  for (let days = 0; days <= windowDays; days += sampleEveryDays) times.unshift(asOf - days * dayMs);
  return times;
}

/** One sample per sample time at which the history had begun. */
export function weeklySamples(
  points: readonly ScorePoint[],
  asOf: number,
  windowDays: number,
): WeeklySample[] {
  const sorted = sortedPoints(points).filter((point) => point.time <= asOf);
  return sampleTimes(asOf, windowDays).flatMap((time) => {
    const held = valueAt(sorted, time);
    return held === undefined
      ? []
      : [{ x: (time - asOf) / dayMs, time, score: held.score, level: held.level }];
  });
}
