import { z } from "zod";
import { levelSchema } from "../kinds.ts";
import { criterionResultSchema } from "./criterion-result.ts";

export const axisScoreSchema = z.object({
  /**
   * 1 + consolidated levels + mean degree of the first unconsolidated level
   * (docs/score-report.md#scores).
   */
  score: z.number().min(1).max(5),
  /** The highest consolidated level (1 when even level 2 is not consolidated). */
  level: levelSchema,
  criteria: z.array(criterionResultSchema),
  /** Ids of met criteria above the foundation, reported but not credited. */
  aheadOfFoundation: z.array(z.string()),
});
export type AxisScore = z.infer<typeof axisScoreSchema>;
