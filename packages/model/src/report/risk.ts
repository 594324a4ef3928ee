import { z } from "zod";
import { axisSchema } from "../kinds.ts";

export const riskKindSchema = z.enum([
  "axis_mismatch",
  "track_gap",
  "ahead_of_foundation",
  "stale_evidence",
  "metric_breach",
]);
export type RiskKind = z.infer<typeof riskKindSchema>;

export const riskSchema = z.object({
  kind: riskKindSchema,
  /** Absent on team-level risks (track_gap). */
  systemId: z.string().optional(),
  team: z.string(),
  /** severity × exposure × likelihood; higher first. */
  rank: z.number().min(0),
  /** The axes involved; for axis_mismatch, the leading axis first. */
  axes: z.array(axisSchema).optional(),
  summary: z.string(),
  nextUpgrade: z.string(),
  evidence: z.array(z.string()),
});
export type Risk = z.infer<typeof riskSchema>;
