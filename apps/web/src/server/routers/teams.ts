import { teamRollups } from "@maturity/db";
import { createTRPCRouter, viewerProcedure } from "../trpc.ts";

export const teamsRouter = createTRPCRouter({
  /** Track medians and gaps per team ("team:<name>") and for the organisation ("org"). */
  rollups: viewerProcedure.query(({ ctx }) => teamRollups(ctx.db)),
});
