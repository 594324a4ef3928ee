import { teamRollups } from "@maturity/db";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

export const teamsRouter = createTRPCRouter({
  /** Track medians and gaps per team ("team:<name>") and for the organisation ("org"). */
  rollups: publicProcedure.query(({ ctx }) => teamRollups(ctx.db)),
});
