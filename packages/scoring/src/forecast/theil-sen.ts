// The Theil–Sen estimator: the median of the slopes between every pair of samples. One jump moves
// a few of those slopes, not the median, so a single spike does not make a trend. Its range is
// the slope ± 1.645 standard errors, the error estimated from the scatter about that line: a
// later sample on the line keeps the line (it is the median of its own additions) and so can
// only narrow the range, which rank-based intervals do not promise for a handful of samples.

export interface Sample {
  /** Days (may be negative: before asOf). */
  x: number;
  y: number;
}

export interface TheilSen {
  /** Per unit of x. */
  slope: number;
  /** The line's value at x = 0 (the median of y − slope·x). */
  intercept: number;
  low: number;
  high: number;
}

/** z for a two-sided 90% range. */
const z90 = 1.6449;

/** Needs at least two samples with different x; the samples' order does not matter. */
export function theilSen(samples: readonly Sample[]): TheilSen | undefined {
  const slopes: number[] = [];
  for (let i = 0; i < samples.length; i++)
    for (let j = i + 1; j < samples.length; j++) {
      const [a, b] = [samples[i]!, samples[j]!];
      if (a.x !== b.x) slopes.push((b.y - a.y) / (b.x - a.x));
    }
  if (slopes.length === 0) return undefined;
  slopes.sort((a, b) => a - b);
  const slope = medianOf(slopes);
  const intercept = medianOf(samples.map((s) => s.y - slope * s.x).sort((a, b) => a - b));
  const n = samples.length;
  const meanX = samples.reduce((sum, s) => sum + s.x, 0) / n;
  const sxx = samples.reduce((sum, s) => sum + (s.x - meanX) ** 2, 0);
  const squaredResiduals = samples.reduce((sum, s) => sum + (s.y - intercept - slope * s.x) ** 2, 0);
  const standardError = Math.sqrt(squaredResiduals / Math.max(1, n - 2) / sxx);
  const [low, high] = [slope - z90 * standardError, slope + z90 * standardError];
  return { slope, intercept, low, high };
}

function medianOf(values: readonly number[]): number {
  const middle = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
}
