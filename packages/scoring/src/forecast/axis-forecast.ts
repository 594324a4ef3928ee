// When one series of scores (a system's axis, or a track's median) consolidates its next level at
// its present pace, and how that compares with the typical duration of the step.
import { typicalSteps, type AxisForecast, type ExpectedDate, type Pace, type Trend } from "@maturity/model";
import { theilSen } from "./theil-sen.ts";
import { dayMs, type WeeklySample } from "./samples.ts";

export interface ForecastOptions {
  /** Epoch ms: the forecast is as of this time (no clock is read). */
  asOf: number;
  /** How far back the trend looks (default 182 days). */
  windowDays?: number;
  /** The history the trend needs at least (default 28 days, and three weekly samples). */
  minHistoryDays?: number;
}

export const defaultForecastWindowDays = 182;
export const defaultMinHistoryDays = 28;
const minSamples = 3;
/** Slower than this (score points per day: one level in about five years) is not improving. */
export const flatSlopePerDay = 0.0005;
const monthDays = 30.4375;

/** Whether the samples reach far enough back for a trend. */
export function enoughHistory(samples: readonly WeeklySample[], options: ForecastOptions): boolean {
  if (samples.length < minSamples) return false;
  const spanDays = (samples.at(-1)!.time - samples[0]!.time) / dayMs;
  return spanDays >= (options.minHistoryDays ?? defaultMinHistoryDays);
}

/** The trend of the samples, per week, or undefined when there is too little history. */
export function fitTrend(
  samples: readonly WeeklySample[],
  value: (sample: WeeklySample) => number,
  options: ForecastOptions,
): { trend: Trend; perDay: { slope: number; low: number; high: number } } | undefined {
  if (!enoughHistory(samples, options)) return undefined;
  const fit = theilSen(samples.map((sample) => ({ x: sample.x, y: value(sample) })));
  if (fit === undefined) return undefined;
  return {
    trend: {
      slopePerWeek: fit.slope * 7,
      lowPerWeek: fit.low * 7,
      highPerWeek: fit.high * 7,
      samples: samples.length,
      from: new Date(samples[0]!.time).toISOString(),
      to: new Date(samples.at(-1)!.time).toISOString(),
    },
    perDay: { slope: fit.slope, low: fit.low, high: fit.high },
  };
}

/** The date a distance is covered at a slope, with the range from the slope's bounds (all per day). */
export function expectedDate(
  distance: number,
  perDay: { slope: number; fast: number; slow: number },
  asOf: number,
): ExpectedDate {
  const at = (days: number) => new Date(asOf + days * dayMs).toISOString();
  return {
    date: at(distance / perDay.slope),
    earliest: at(distance / Math.max(perDay.fast, perDay.slope)),
    latest: perDay.slow > flatSlopePerDay ? at(distance / Math.min(perDay.slow, perDay.slope)) : null,
  };
}

/**
 * The forecast of one series: `samples` weekly, oldest first, the last at asOf. `levelSince` is
 * when the current level was reached, or null when that was before the history starts.
 */
export function forecastSeries(
  samples: readonly WeeklySample[],
  current: { score: number; level: number },
  levelSince: number | null,
  historyStart: number | null,
  options: ForecastOptions,
): AxisForecast {
  const typical = typicalSteps.find((step) => step.fromLevel === current.level) ?? null;
  const fitted = fitTrend(samples, (sample) => sample.score, options);
  const base = {
    score: current.score,
    level: current.level,
    trend: fitted?.trend ?? null,
    typical,
    levelSince: levelSince === null ? null : new Date(levelSince).toISOString(),
  };
  if (current.level >= 5) return { ...base, status: "at_top", nextLevel: null, pace: null };
  if (fitted === undefined) return { ...base, status: "not_enough_history", nextLevel: null, pace: null };
  const { slope, low, high } = fitted.perDay;
  const status =
    slope > flatSlopePerDay ? "improving" : slope < -flatSlopePerDay ? "declining" : "not_improving";
  const nextLevel =
    status === "improving"
      ? expectedDate(current.level + 1 - current.score, { slope, fast: high, slow: low }, options.asOf)
      : null;
  // Time at this level so far: known from levelSince, or at least since the history began.
  const start = levelSince ?? historyStart;
  const elapsedDays = start === null ? null : (options.asOf - start) / dayMs;
  const remainingDays = nextLevel === null ? null : (Date.parse(nextLevel.date) - options.asOf) / dayMs;
  return {
    ...base,
    status,
    nextLevel,
    pace: paceOf(typical, elapsedDays, levelSince !== null, remainingDays),
  };
}

function paceOf(
  typical: AxisForecast["typical"],
  elapsedDays: number | null,
  startKnown: boolean,
  remainingDays: number | null,
): Pace | null {
  if (typical === null || elapsedDays === null) return null;
  const [min, max] = [typical.minMonths * monthDays, typical.maxMonths * monthDays];
  // Not improving: behind once it has taken longer than the step usually does; unknown before.
  if (remainingDays === null) return elapsedDays > max ? "behind" : null;
  const total = elapsedDays + remainingDays;
  if (total > max) return "behind";
  // Shorter than the longest is only known when the time at this level is known.
  if (!startKnown) return null;
  return total < min ? "ahead" : "within";
}
