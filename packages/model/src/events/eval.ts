import { z } from "zod";
import { count, measure, text } from "./fields.ts";

export const evalEventData = {
  "eval.run.completed": z.looseObject({
    suite: text,
    modelVersion: text.optional(),
    release: text.optional(),
    gate: z.enum(["passed", "failed", "none"]),
    scores: z.record(z.string(), measure("score")).optional(),
    // Only LLM-as-judge is catalogued; humanAgreement is how the judge was calibrated.
    judge: z
      .looseObject({ kind: z.literal("llm"), humanAgreement: z.number().min(0).max(1).optional() })
      .optional(),
    productionSampled: z.boolean().optional(),
    shadow: z.boolean().optional(),
  }),
  "eval.dataset.updated": z.looseObject({
    suite: text,
    source: z.enum(["production_sample", "curated", "synthetic"]),
    addedCases: count,
  }),
  "eval.failure_modes.documented": z.looseObject({ count }),
} as const;
