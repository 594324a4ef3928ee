import { z } from "zod";
import { axes, type Axis } from "../kinds.ts";
import { riskSchema } from "./risk.ts";
import { rollupForecastSchema } from "./forecast.ts";

const axisNumbers = (value: z.ZodType<number | null>) =>
  z.object(Object.fromEntries(axes.map((axis) => [axis, value])) as Record<Axis, typeof value>);

/** Median score per axis of a track's systems; null when the track has none. */
export const trackScoresSchema = axisNumbers(z.number().min(1).max(5).nullable());
export type TrackScores = z.infer<typeof trackScoresSchema>;

export const tracksSchema = z.object({
  classical: trackScoresSchema,
  llm: trackScoresSchema,
  agent: trackScoresSchema,
});
export type Tracks = z.infer<typeof tracksSchema>;

/** Median classical − median of llm and agent together; positive means LLM operations lag. */
export const trackGapSchema = axisNumbers(z.number().min(-4).max(4).nullable());
export type TrackGap = z.infer<typeof trackGapSchema>;

export const teamRollupSchema = z.object({
  team: z.string(),
  /** Systems counted in the rollup (retired ones are not). */
  systemCount: z.int().min(0),
  tracks: tracksSchema,
  trackGap: trackGapSchema,
  /** Each track's forecast and when the gap closes (absent when the report was made without history). */
  forecast: rollupForecastSchema.optional(),
});
export type TeamRollup = z.infer<typeof teamRollupSchema>;

export const orgRollupSchema = z.object({
  tracks: tracksSchema,
  trackGap: trackGapSchema,
  /** Every risk of every system and team, highest rank first. */
  risks: z.array(riskSchema),
  forecast: rollupForecastSchema.optional(),
});
export type OrgRollup = z.infer<typeof orgRollupSchema>;
