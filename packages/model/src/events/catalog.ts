import { z } from "zod";
import { sourcesKeys, type SourcesKey } from "../catalogue/native-ids.ts";
import { riskTierSchema, systemKindSchema } from "../kinds.ts";
import { text } from "./fields.ts";

// How native ids (repos, registry models, services, GPU queues) map to this system: one optional
// list per kind of native id, under the `sources` key catalogue/native-ids.ts declares for it.
const sources = z.looseObject(
  Object.fromEntries(sourcesKeys.map((key) => [key, z.array(text).optional()])) as {
    [K in SourcesKey]: z.ZodOptional<z.ZodArray<typeof text>>;
  },
);

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
