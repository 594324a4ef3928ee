// Experiment tracking and the model registry.
import { z } from "zod";
import { measure, text } from "./fields.ts";

export const registryEventData = {
  "exp.run.logged": z.looseObject({
    runId: text,
    tracker: text,
    codeVersion: text.optional(),
    dataVersion: text.optional(),
  }),
  "registry.model_version.registered": z.looseObject({
    model: text,
    version: text,
    runId: text.optional(),
    codeVersion: text.optional(),
    dataVersion: text.optional(),
  }),
  "registry.model_version.promoted": z.looseObject({ model: text, version: text, alias: text }),
  "registry.rebuild.verified": z.looseObject({
    model: text,
    version: text,
    durationMinutes: measure("minutes"),
    artefactMatches: z.boolean(),
  }),
} as const;
