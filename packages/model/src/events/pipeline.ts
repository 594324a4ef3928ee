// CI pipelines, data quality and contracts, retraining.
import { z } from "zod";
import { measure, text } from "./fields.ts";

export const pipelineEventData = {
  "ci.pipeline.completed": z.looseObject({
    pipeline: z.enum(["training", "evaluation", "data_quality", "build", "deploy"]),
    status: z.enum(["succeeded", "failed", "cancelled"]),
    trigger: z.enum(["manual", "push", "schedule", "signal"]),
    commitSha: text.optional(),
    durationSeconds: measure("seconds").optional(),
  }),
  "data.quality.checked": z.looseObject({
    dataset: text,
    passed: z.boolean(),
    automated: z.boolean(),
    atIngestion: z.boolean(),
  }),
  "data.contract.published": z.looseObject({ dataset: text, producer: text, consumer: text }),
  "ml.retrain.triggered": z.looseObject({ trigger: z.enum(["schedule", "quality_signal", "manual"]) }),
} as const;
