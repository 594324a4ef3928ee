import { z } from "zod";
import { levelSchema } from "../kinds.ts";

/**
 * How a criterion stands: `no_data` means nothing was observed, which is neither a pass nor a
 * failure; `waived` means a waiver in force lets it count as met (the report lists the waiver).
 */
export const criterionStatusSchema = z.enum(["met", "unmet", "no_data", "waived"]);
export type CriterionStatus = z.infer<typeof criterionStatusSchema>;

/** Evidence id lists are capped so a report stays small; `evidenceCount` keeps the full count. */
export const evidenceIdCap = 20;

export const criterionResultSchema = z.object({
  /** `<axis>.l<level>.<slug>`, as in the rubric. */
  id: z.string().min(1),
  level: levelSchema.min(2),
  /** How far the criterion holds, 0…1, from the facts in the evidence window. */
  degree: z.number().min(0).max(1),
  met: z.boolean(),
  status: criterionStatusSchema,
  /** Ids of the events the degree was computed from, most recent first, at most `evidenceIdCap`. */
  evidence: z.array(z.string()).max(evidenceIdCap),
  evidenceCount: z.int().min(0),
  /** Met, but above the first level whose criteria are not all met: no credit yet. */
  aheadOfFoundation: z.boolean(),
});
export type CriterionResult = z.infer<typeof criterionResultSchema>;
