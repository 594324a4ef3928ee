import { listUnmapped } from "@maturity/db";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

export const sourcesRouter = createTRPCRouter({
  /**
   * Native ids (repo, registry model, service, GPU queue) that sent events no catalogue entry maps
   * yet, with their event counts: map one by adding it to a system's `sources` in the catalogue.
   */
  unmapped: publicProcedure.query(({ ctx }) => listUnmapped(ctx.db)),
});
