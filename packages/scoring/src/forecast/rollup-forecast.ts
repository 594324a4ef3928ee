// A team's or the organisation's forecast: per track, the median of its systems' scores at each
// weekly sample, forecast like one system's; and the classical vs LLM/agent gap on each axis,
// with the date it closes at present pace (or that it widens).
import {
  axes,
  type Axis,
  type AxisForecast,
  type GapForecast,
  type RollupForecast,
  type SystemKind,
} from "@maturity/model";
import {
  defaultForecastWindowDays,
  expectedDate,
  fitTrend,
  flatSlopePerDay,
  forecastSeries,
  type ForecastOptions,
} from "./axis-forecast.ts";
import { sampleTimes, sortedPoints, valueAt, type ScorePoint, type WeeklySample } from "./samples.ts";
import type { AxisHistory } from "./system-forecast.ts";
import { levelSince } from "./system-forecast.ts";
import { dayMs } from "./samples.ts";

export interface RollupMember {
  kind: SystemKind;
  history: AxisHistory;
}

/** A gap this small is no gap (score points). */
export const closedGap = 0.05;

const tracks = ["classical", "llm", "agent"] as const;

export function forecastRollup(members: readonly RollupMember[], options: ForecastOptions): RollupForecast {
  const times = sampleTimes(options.asOf, options.windowDays ?? defaultForecastWindowDays);
  const byAxis = Object.fromEntries(
    axes.map((axis) => {
      const series = members.map((member) => ({
        kind: member.kind,
        sorted: sortedPoints(member.history[axis]).filter((point) => point.time <= options.asOf),
      }));
      // The median of each set of systems at every sample time (undefined before any has history).
      const medians = (kinds: readonly SystemKind[]) =>
        times.map((time) =>
          median(
            series.flatMap((s) => (kinds.includes(s.kind) ? [valueAt(s.sorted, time)?.score ?? NaN] : [])),
          ),
        );
      return [
        axis,
        {
          track: Object.fromEntries(tracks.map((t) => [t, medians([t])])),
          llmAgent: medians(["llm", "agent"]),
        },
      ];
    }),
  ) as Record<
    Axis,
    { track: Record<(typeof tracks)[number], (number | undefined)[]>; llmAgent: (number | undefined)[] }
  >;

  const samplesOf = (values: readonly (number | undefined)[]): WeeklySample[] =>
    times.flatMap((time, index) => {
      const score = values[index];
      return score === undefined
        ? []
        : [{ x: (time - options.asOf) / dayMs, time, score, level: Math.floor(score) }];
    });

  const trackForecast = (values: readonly (number | undefined)[]): AxisForecast | null => {
    const samples = samplesOf(values);
    const last = samples.at(-1);
    if (last === undefined || last.time !== options.asOf) return null;
    return forecastSeries(
      samples,
      { score: last.score, level: last.level },
      levelSince(samples, last.level),
      samples[0]!.time,
      options,
    );
  };

  return {
    tracks: Object.fromEntries(
      tracks.map((track) => [
        track,
        Object.fromEntries(axes.map((axis) => [axis, trackForecast(byAxis[axis].track[track])])),
      ]),
    ) as RollupForecast["tracks"],
    gap: Object.fromEntries(
      axes.map((axis) => [axis, gapForecast(byAxis[axis].track.classical, byAxis[axis].llmAgent)]),
    ) as RollupForecast["gap"],
  };

  function gapForecast(
    classical: readonly (number | undefined)[],
    llmAgent: readonly (number | undefined)[],
  ): GapForecast {
    const gaps = classical.map((c, index) => {
      const l = llmAgent[index];
      return c === undefined || l === undefined ? undefined : c - l;
    });
    const samples = samplesOf(gaps);
    const now = samples.at(-1)?.time === options.asOf ? samples.at(-1)!.score : null;
    const fitted = fitTrend(samples, (sample) => sample.score, options);
    if (now === null || fitted === undefined)
      return { status: "not_enough_history", gap: now, trend: fitted?.trend ?? null, closesOn: null };
    const base = { gap: now, trend: fitted.trend };
    if (now <= closedGap) return { ...base, status: "closed", closesOn: null };
    const { slope, low, high } = fitted.perDay;
    if (slope < -flatSlopePerDay)
      // Closing means the gap falls: the fastest fall is the lowest slope.
      return {
        ...base,
        status: "closing",
        closesOn: expectedDate(now - closedGap, { slope: -slope, fast: -low, slow: -high }, options.asOf),
      };
    return { ...base, status: slope > flatSlopePerDay ? "widening" : "steady", closesOn: null };
  }
}

/** The median of the values that are numbers (NaN: no history yet), or undefined when none is. */
function median(values: readonly number[]): number | undefined {
  const known = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (known.length === 0) return undefined;
  const middle = known.length >> 1;
  return known.length % 2 === 1 ? known[middle] : (known[middle - 1]! + known[middle]!) / 2;
}

export type { ScorePoint };
