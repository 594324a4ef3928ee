// The score report (docs/score-report.md): the contract shared by the CLI, the API and the tests.
import { z } from "zod";
import { axes, riskTierSchema, systemKindSchema, type Axis } from "../kinds.ts";
import { axisScoreSchema } from "./axis-score.ts";
import { metricsSchema } from "./metrics.ts";
import { riskSchema } from "./risk.ts";
import { waiverSchema } from "./waiver.ts";
import { systemForecastSchema } from "./forecast.ts";
import { orgRollupSchema, teamRollupSchema } from "./rollup.ts";

export const systemAxesSchema = z.object(
  Object.fromEntries(axes.map((axis) => [axis, axisScoreSchema])) as Record<Axis, typeof axisScoreSchema>,
);
export type SystemAxes = z.infer<typeof systemAxesSchema>;

export const systemReportSchema = z.object({
  systemId: z.string(),
  name: z.string(),
  team: z.string(),
  kind: systemKindSchema,
  riskTier: riskTierSchema,
  /** False when events name the system but no catalog.system.registered was seen (defaults apply). */
  registered: z.boolean(),
  /** Retired systems stay in the report but leave rollups and risks. */
  retired: z.boolean(),
  axes: systemAxesSchema,
  metrics: metricsSchema,
  /** This system's risks, highest rank first. */
  risks: z.array(riskSchema),
  /** The waivers in force as of the report's time (absent when none). */
  waivers: z.array(waiverSchema).optional(),
  /** When each axis is expected to reach its next level (absent when the report was made without history). */
  forecast: systemForecastSchema.optional(),
});
export type SystemReport = z.infer<typeof systemReportSchema>;

/** Who a system is, as its report says: what lists, rows and snapshots of systems carry. */
export function systemIdentity(report: SystemReport) {
  const { systemId, name, team, kind, riskTier, retired } = report;
  return { systemId, name, team, kind, riskTier, retired };
}

export const scoreReportSchema = z.object({
  asOf: z.iso.datetime(),
  rubricVersion: z.string().min(1),
  systems: z.array(systemReportSchema),
  teams: z.array(teamRollupSchema),
  org: orgRollupSchema,
});
export type ScoreReport = z.infer<typeof scoreReportSchema>;
