import { TRPCError } from "@trpc/server";
import { createTRPCRouter, viewerProcedure } from "../trpc.ts";

export const liveRouter = createTRPCRouter({
  /**
   * Pushes each committed change of scores ({ systemIds }, null meaning many) to open pages, which
   * refetch what they show. Server-sent events: proxies pass them as plain HTTP.
   */
  scoreChanges: viewerProcedure.subscription(async function* ({ ctx, signal }) {
    if (ctx.scoreChanges === undefined)
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "live updates are not running here" });
    yield* ctx.scoreChanges.changes(signal);
  }),
});
