import { latestEvents, listSystems } from "@maturity/db";
import { z } from "zod";
import { createTRPCRouter, viewerProcedure } from "../trpc.ts";

export const systemsRouter = createTRPCRouter({
  /** Every system seen so far, with its catalogue entry and event count. */
  list: viewerProcedure.query(({ ctx }) => listSystems(ctx.db)),
  /** The latest events of one system, or of all systems, newest first. */
  latestEvents: viewerProcedure
    .input(
      z.object({
        systemId: z.string().min(1).optional(),
        limit: z.number().int().min(1).max(500).default(50),
      }),
    )
    .query(({ ctx, input }) => latestEvents(ctx.db, input)),
});
