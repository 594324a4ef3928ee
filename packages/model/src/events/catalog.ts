import { z } from "zod";
import { riskTierSchema, systemKindSchema } from "../kinds.ts";
import { text } from "./fields.ts";

// How native ids (repos, registry models, services, GPU queues) map to this system.
const sources = z.looseObject({
  repos: z.array(text).optional(),
  registryModels: z.array(text).optional(),
  services: z.array(text).optional(),
  gpuQueues: z.array(text).optional(),
});

const systemRegistered = z.looseObject({
  name: text,
  team: text,
  kind: systemKindSchema,
  riskTier: riskTierSchema,
  description: z.string().optional(),
  sources: sources.optional(),
});

export const catalogEventData = {
  "catalog.system.registered": systemRegistered,
  "catalog.system.updated": systemRegistered.partial(),
  // Retirement carries no data; extra keys are tolerated like everywhere else.
  "catalog.system.retired": z.looseObject({}),
  "catalog.asset.updated": z.looseObject({
    assetType: z.enum(["feature", "embedding", "prompt", "model", "agent", "dataset"]),
    assetId: text,
    owner: text.optional(),
    lineage: z.boolean(),
    changeReviewed: z.boolean(),
  }),
} as const;
