// Per-request LLM and per-run agent telemetry: the high-volume events.
import { z } from "zod";
import { count, measure, text } from "./fields.ts";

export const telemetryEventData = {
  "llm.call.completed": z.looseObject({
    feature: text.optional(),
    model: text,
    provider: text.optional(),
    inputTokens: count,
    outputTokens: count,
    costUsd: measure("costUsd").optional(),
    latencyMs: measure("latencyMs"),
    status: z.enum(["ok", "error"]),
    traceId: text.optional(),
  }),
  "agent.run.completed": z.looseObject({
    feature: text.optional(),
    steps: count,
    toolCalls: count,
    retries: count,
    // null: whether the run stopped at the right point could not be judged.
    terminatedCorrectly: z
      .boolean({
        error: (iss) => `${iss.input === undefined ? "required; " : ""}expected true, false or null`,
      })
      .nullable(),
    latencyMs: measure("latencyMs"),
    costUsd: measure("costUsd").optional(),
  }),
} as const;
