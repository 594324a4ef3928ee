import { rubric as defaultRubric, type Rubric } from "@maturity/model/rubric";

export interface ScoreOptions {
  /** The point in time to score at; only facts at or before it count. ISO string, epoch ms or Date. */
  asOf: string | number | Date;
  rubric?: Rubric;
  /** Criteria evidence window (default 90 days). */
  windowDays?: number;
  /** Operational metrics window (default 30 days). */
  metricsWindowDays?: number;
}

export interface ResolvedOptions {
  asOf: number;
  rubric: Rubric;
  windowDays: number;
  metricsWindowDays: number;
}

export const defaultWindowDays = 90;
export const defaultMetricsWindowDays = 30;

export function resolveOptions(options: ScoreOptions): ResolvedOptions {
  const asOf =
    typeof options.asOf === "number"
      ? options.asOf
      : typeof options.asOf === "string"
        ? Date.parse(options.asOf)
        : options.asOf.getTime();
  if (!Number.isFinite(asOf)) throw new RangeError(`asOf is not a valid time: ${String(options.asOf)}`);
  const windowDays = options.windowDays ?? defaultWindowDays;
  const metricsWindowDays = options.metricsWindowDays ?? defaultMetricsWindowDays;
  if (!(windowDays > 0) || !(metricsWindowDays > 0)) throw new RangeError("windows must be positive");
  return { asOf, rubric: options.rubric ?? defaultRubric, windowDays, metricsWindowDays };
}
