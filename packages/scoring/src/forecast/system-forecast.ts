// A system's forecast: each axis's score history as weekly samples, its trend and next level.
import { axes, type Axis, type AxisForecast, type SystemForecast } from "@maturity/model";
import { forecastSeries, type ForecastOptions } from "./axis-forecast.ts";
import { defaultForecastWindowDays } from "./axis-forecast.ts";
import { sortedPoints, valueAt, weeklySamples, type ScorePoint } from "./samples.ts";

/** Each axis's history: every change of its score (a history row), in any order. */
export type AxisHistory = Record<Axis, readonly ScorePoint[]>;

export function forecastAxis(points: readonly ScorePoint[], options: ForecastOptions): AxisForecast {
  const sorted = sortedPoints(points).filter((point) => point.time <= options.asOf);
  const current = valueAt(sorted, options.asOf) ?? { score: 1, level: 1 };
  const samples = weeklySamples(points, options.asOf, options.windowDays ?? defaultForecastWindowDays);
  return forecastSeries(
    samples,
    { score: current.score, level: current.level },
    levelSince(sorted, current.level),
    sorted[0]?.time ?? null,
    options,
  );
}

export function forecastSystem(history: AxisHistory, options: ForecastOptions): SystemForecast {
  return Object.fromEntries(
    axes.map((axis) => [axis, forecastAxis(history[axis], options)]),
  ) as SystemForecast;
}

/**
 * When the series last reached `level` (the start of its final run at that level), or null when
 * it has been there since the history began.
 */
export function levelSince(sorted: readonly { time: number; level: number }[], level: number): number | null {
  let index = sorted.length - 1;
  if (index < 0 || sorted[index]!.level !== level) return null;
  while (index > 0 && sorted[index - 1]!.level === level) index -= 1;
  return index === 0 ? null : sorted[index]!.time;
}
