import { z } from "zod";
import { levelSchema } from "../kinds.ts";

// Unknowable numbers are null, never 0: "no deploys seen" is not "zero deploys a week".
const hours = z.number().min(0).nullable();

export const doraBandSchema = z.enum(["elite", "high", "medium", "low"]);
export type DoraBand = z.infer<typeof doraBandSchema>;

/** Where a metric value sits among the levels the source article describes (and DORA's clusters). */
export const metricBandSchema = z.object({
  level: levelSchema.nullable(),
  label: z.string(),
  /** Only for the metrics DORA defines; null elsewhere or without data. */
  dora: doraBandSchema.nullable(),
});
export type MetricBand = z.infer<typeof metricBandSchema>;

export const metricNames = [
  "deploymentsPerWeek",
  "leadTime",
  "changeFailureRate",
  "timeToRecovery",
  "costByFeature",
  "auditResponse",
] as const;
export const metricNameSchema = z.enum(metricNames);
export type MetricName = z.infer<typeof metricNameSchema>;

export const metricsSchema = z.object({
  /** Succeeded production deploys ÷ weeks in the metrics window. */
  deploymentsPerWeek: z.number().min(0).nullable(),
  /** Change requested → succeeded production deploy. */
  leadTimeHours: z.object({ p50: hours, p90: hours }),
  /** Share of succeeded production deploys named by a rollback or incident within 7 days. */
  changeFailureRate: z.number().min(0).max(1).nullable(),
  /** Incident opened → resolved; open incidents are left out. */
  timeToRecoveryHours: z.object({ p50: hours }),
  costUsdByFeature: z.record(z.string(), z.number().min(0)),
  /** Share of LLM spend with no feature attached. */
  unattributedCostShare: z.number().min(0).max(1).nullable(),
  auditResponseHours: z.object({ p50: hours }),
  bands: z.record(metricNameSchema, metricBandSchema),
  /** The metrics window in days (the criteria window is separate). */
  windowDays: z.number().positive(),
});
export type Metrics = z.infer<typeof metricsSchema>;
