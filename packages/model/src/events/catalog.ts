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

// Where an entry imported from another catalogue came from, so the next import can tell what
// changed since (the entity's ref and a hash of what was imported) and what is gone.
const origin = z.object({
  catalog: z.enum(["backstage"]),
  location: text,
  entityRef: text,
  contentHash: text,
});

const systemRegistered = z.looseObject({
  name: text,
  team: text,
  kind: systemKindSchema,
  riskTier: riskTierSchema,
  description: z.string().optional(),
  sources: sources.optional(),
  origin: origin.optional(),
});

export const catalogEventData = {
  "catalog.system.registered": systemRegistered,
  "catalog.system.updated": systemRegistered.partial(),
  // Retirement needs no data; an imported entry that left its catalogue says which one.
  "catalog.system.retired": z.looseObject({ origin: origin.optional() }),
  "catalog.asset.updated": z.looseObject({
    assetType: z.enum(["feature", "embedding", "prompt", "model", "agent", "dataset"]),
    assetId: text,
    owner: text.optional(),
    lineage: z.boolean(),
    changeReviewed: z.boolean(),
  }),
} as const;
