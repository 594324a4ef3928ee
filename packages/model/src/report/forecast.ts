// Forecasts (docs/score-report.md#forecasts): when each axis will consolidate its next level at the
// pace its score history shows, beside the typical duration of that step, and when the LLM/agent
// track's median reaches the classical track's. Optional parts of the score report.
import { z } from "zod";
import { axes, type Axis } from "../kinds.ts";

const isoDate = z.iso.datetime();

/**
 * `improving`: the trend points up and a date is given; `not_improving`: flat; `declining`: down;
 * `not_enough_history`: fewer weekly samples or days than the forecast needs; `at_top`: level 5.
 */
export const forecastStatusSchema = z.enum([
  "improving",
  "not_improving",
  "declining",
  "not_enough_history",
  "at_top",
]);
export type ForecastStatus = z.infer<typeof forecastStatusSchema>;

/** A robust trend: the Theil–Sen slope of weekly samples, with its 90% range. */
export const trendSchema = z.object({
  /** Score points per week. */
  slopePerWeek: z.number(),
  /** The range of the slope (Sen's 90% interval), points per week. */
  lowPerWeek: z.number(),
  highPerWeek: z.number(),
  /** Weekly samples the trend was fitted on, and the span they cover. */
  samples: z.int().min(0),
  from: isoDate,
  to: isoDate,
});
export type Trend = z.infer<typeof trendSchema>;

/** When a value is expected to reach its target: the trend's date, and the range from the slope's. */
export const expectedDateSchema = z.object({
  date: isoDate,
  earliest: isoDate,
  /** Null when the slope's lower bound is not positive: no latest date can be given. */
  latest: isoDate.nullable(),
});
export type ExpectedDate = z.infer<typeof expectedDateSchema>;

/** The typical time to climb one level, as the maturity model gives it (none is given for 1 → 2). */
export const typicalStepSchema = z.object({
  fromLevel: z.int().min(1).max(4),
  toLevel: z.int().min(2).max(5),
  minMonths: z.number().min(0),
  maxMonths: z.number().min(0),
  /** The model says "or more" (4 → 5: 12–18+ months). */
  orMore: z.boolean(),
});
export type TypicalStep = z.infer<typeof typicalStepSchema>;

export const paceSchema = z.enum(["ahead", "within", "behind"]);
export type Pace = z.infer<typeof paceSchema>;

export const axisForecastSchema = z.object({
  status: forecastStatusSchema,
  score: z.number().min(1).max(5),
  level: z.int().min(1).max(5),
  /** Null when there is not enough history to fit one. */
  trend: trendSchema.nullable(),
  /** When the next level is expected to be consolidated (status improving only). */
  nextLevel: expectedDateSchema.nullable(),
  typical: typicalStepSchema.nullable(),
  /** When the current level was reached, as far as the history shows (null: before it starts). */
  levelSince: isoDate.nullable(),
  /**
   * The time at this level so far plus the expected rest, against the typical duration: ahead
   * (shorter), within, or behind (longer, or already longer while not improving). Null when it
   * cannot be told.
   */
  pace: paceSchema.nullable(),
});
export type AxisForecast = z.infer<typeof axisForecastSchema>;

const perAxis = <T extends z.ZodType>(schema: T) =>
  z.object(Object.fromEntries(axes.map((axis) => [axis, schema])) as Record<Axis, T>);

export const systemForecastSchema = perAxis(axisForecastSchema);
export type SystemForecast = z.infer<typeof systemForecastSchema>;

/**
 * `closing`: the LLM/agent median gains on the classical one and `closesOn` is given; `widening`:
 * it falls further behind; `steady`: neither; `closed`: no gap left (or LLM/agent ahead);
 * `not_enough_history`: too few samples, or a track without systems.
 */
export const gapStatusSchema = z.enum(["closing", "widening", "steady", "closed", "not_enough_history"]);
export type GapStatus = z.infer<typeof gapStatusSchema>;

export const gapForecastSchema = z.object({
  status: gapStatusSchema,
  /** Median classical − median LLM/agent now; null when a track has no systems. */
  gap: z.number().nullable(),
  trend: trendSchema.nullable(),
  closesOn: expectedDateSchema.nullable(),
});
export type GapForecast = z.infer<typeof gapForecastSchema>;

/** The same for a team or the organisation: each track's median score, and the gap between them. */
export const rollupForecastSchema = z.object({
  tracks: z.object({
    classical: perAxis(axisForecastSchema.nullable()),
    llm: perAxis(axisForecastSchema.nullable()),
    agent: perAxis(axisForecastSchema.nullable()),
  }),
  gap: perAxis(gapForecastSchema),
});
export type RollupForecast = z.infer<typeof rollupForecastSchema>;

/**
 * How long one level usually takes to climb, as the maturity model states it: roughly 6–9 months
 * from 2 to 3, 6–12 from 3 to 4, 12–18 or more from 4 to 5. It states none for 1 to 2.
 */
export const typicalSteps: readonly TypicalStep[] = [
  { fromLevel: 2, toLevel: 3, minMonths: 6, maxMonths: 9, orMore: false },
  { fromLevel: 3, toLevel: 4, minMonths: 6, maxMonths: 12, orMore: false },
  { fromLevel: 4, toLevel: 5, minMonths: 12, maxMonths: 18, orMore: true },
];
