// Forecasts in words and as chart geometry: when an axis reaches its next level, when the LLM/agent
// gap closes. The server forecasts (packages/scoring); this only says and draws what it answered.
import type { AxisForecast, GapForecast, Pace } from "@maturity/model";
import { formatDate } from "./format.ts";

const dayMs = 86_400_000;
/** The model's months, in days (the forecast's own month). */
export const monthMs = 30.4375 * dayMs;
/** Projections are drawn at most this far past the forecast's instant. */
export const projectionHorizonMs = 2 * 365 * dayMs;

export const paceLabels: Record<Pace, string> = {
  ahead: "ahead",
  within: "within",
  behind: "behind",
};

export const paceExplanations: Record<Pace, string> = {
  ahead: "faster than this step usually takes",
  within: "within the time this step usually takes",
  behind: "longer than this step usually takes",
};

/** "6–9 months", "12–18+ months". */
export function typicalText(typical: NonNullable<AxisForecast["typical"]>): string {
  return `${typical.minMonths}–${typical.maxMonths}${typical.orMore ? "+" : ""} months`;
}

/** "12 Mar 2027–30 Apr 2027", or "12 Mar 2027–open" when the slow end never gets there. */
export function rangeText(range: { earliest: string; latest: string | null }): string {
  return `${formatDate(range.earliest)}–${range.latest === null ? "open" : formatDate(range.latest)}`;
}

/**
 * One axis's forecast in a sentence: "Level 3 expected by 12 Mar 2027 (range 1 Mar 2027–30 Mar
 * 2027), usual 6–9 months: within", "not improving", "declining", "not enough history yet (needs
 * 28 days)". The pace is left to the caller, which marks it.
 */
export function axisForecastText(forecast: AxisForecast, minHistoryDays: number): string {
  const usual = forecast.typical === null ? "" : `, usual ${typicalText(forecast.typical)}`;
  switch (forecast.status) {
    case "improving":
      return forecast.nextLevel === null
        ? "improving"
        : `Level ${forecast.level + 1} expected by ${formatDate(forecast.nextLevel.date)} (range ${rangeText(forecast.nextLevel)})${usual}`;
    case "not_improving":
      return `Not improving: no date for level ${forecast.level + 1}${usual}`;
    case "declining":
      return `Declining: no date for level ${forecast.level + 1}${usual}`;
    case "not_enough_history":
      return `Not enough history yet (needs ${minHistoryDays} days)`;
    case "at_top":
      return "At level 5: nothing above";
  }
}

/** A short form for tables: "L3 by Mar 2027", "not improving", "declining", "too little history". */
export function axisForecastShort(forecast: Pick<AxisForecast, "status" | "level" | "nextLevel">): string {
  switch (forecast.status) {
    case "improving":
      return forecast.nextLevel === null
        ? "improving"
        : `L${forecast.level + 1} by ${new Date(forecast.nextLevel.date).toLocaleDateString("en-GB", { month: "short", year: "numeric" })}`;
    case "not_improving":
      return "not improving";
    case "declining":
      return "declining";
    case "not_enough_history":
      return "too little history";
    case "at_top":
      return "at level 5";
  }
}

/** The gap's answer: "closes by …", "widening", "steady", "closed", or why there is none. */
export function gapForecastText(gap: GapForecast, minHistoryDays: number): string {
  switch (gap.status) {
    case "closing":
      return gap.closesOn === null
        ? "closing"
        : `Closes by ${formatDate(gap.closesOn.date)} (range ${rangeText(gap.closesOn)})`;
    case "widening":
      return "Widening";
    case "steady":
      return "Steady: neither closing nor widening";
    case "closed":
      return "Closed";
    case "not_enough_history":
      return gap.gap === null
        ? "No gap to forecast: one of the tracks has no systems"
        : `Not enough history yet (needs ${minHistoryDays} days)`;
  }
}

/** A projection to draw: the trend's line, and the band its slope's range allows. */
export interface Projection {
  line: { t: number; value: number }[];
  band: { t: number; band: [number, number] }[];
  /** The last instant drawn. */
  end: number;
}

/** Instants to draw a projection at, in order, without repeats. */
function instants(...values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/**
 * An improving axis's trend up to its next level, dashed, and the band between the slope's bounds
 * (capped at the next level) up to the latest date, or as far again as the date when it is open.
 */
export function levelProjection(forecast: AxisForecast, asOf: string): Projection | null {
  const { trend, nextLevel } = forecast;
  if (forecast.status !== "improving" || trend === null || nextLevel === null) return null;
  const start = Date.parse(asOf);
  const target = forecast.level + 1;
  const date = Date.parse(nextLevel.date);
  const earliest = Date.parse(nextLevel.earliest);
  const end = nextLevel.latest === null ? date + (date - start) : Date.parse(nextLevel.latest);
  const fast = Math.max(trend.highPerWeek, trend.slopePerWeek) / 7;
  const slow = Math.min(trend.lowPerWeek, trend.slopePerWeek) / 7;
  const at = (perDay: number, t: number) => forecast.score + (perDay * (t - start)) / dayMs;
  return {
    line: [
      { t: start, value: forecast.score },
      { t: date, value: target },
    ],
    band: instants(start, earliest, date, end).map((t) => ({
      t,
      band: [Math.max(1, Math.min(target, at(slow, t))), Math.min(target, at(fast, t))],
    })),
    end,
  };
}

/**
 * A closing gap's trend to its closing date, dashed, and the band between the fastest and the
 * slowest fall its slope's range allows, down to where it counts as closed.
 */
export function gapProjection(gap: GapForecast, asOf: string): Projection | null {
  const { trend, closesOn } = gap;
  if (gap.status !== "closing" || trend === null || closesOn === null || gap.gap === null) return null;
  const start = Date.parse(asOf);
  const now = gap.gap;
  const date = Date.parse(closesOn.date);
  const earliest = Date.parse(closesOn.earliest);
  const end = closesOn.latest === null ? date + (date - start) : Date.parse(closesOn.latest);
  const at = (perWeek: number, t: number) => now + (perWeek / 7) * ((t - start) / dayMs);
  // Where the trend meets "closed": the floor of the band.
  const closed = at(trend.slopePerWeek, date);
  const fastest = Math.min(trend.lowPerWeek, trend.slopePerWeek);
  const slowest = Math.max(trend.highPerWeek, trend.slopePerWeek);
  return {
    line: [
      { t: start, value: now },
      { t: date, value: closed },
    ],
    band: instants(start, earliest, date, end).map((t) => ({
      t,
      band: [Math.max(closed, at(fastest, t)), Math.max(closed, at(slowest, t))],
    })),
    end,
  };
}

/**
 * Rows of one chart from several series, merged on the instant `t` (oldest first), so every series
 * shares one data array and the tooltip reads one row per instant.
 */
export function mergeOnTime<T extends { t: number }>(...series: readonly (readonly T[])[]): T[] {
  const byTime = new Map<number, T>();
  for (const rows of series) for (const row of rows) byTime.set(row.t, { ...byTime.get(row.t), ...row } as T);
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}
