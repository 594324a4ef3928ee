import { teamRollups } from "@maturity/db";
import { createTRPCRouter, viewerProcedure } from "../trpc.ts";
import {
  teamSummariesInput,
  teamSummaryPage,
  teamSystemsInput,
  teamSystemsPage,
} from "./team-group-reads.ts";

export const teamsRouter = createTRPCRouter({
  /** Track medians and gaps per team ("team:<name>") and for the organisation ("org"). */
  rollups: viewerProcedure.query(({ ctx }) => teamRollups(ctx.db)),

  /**
   * The teams with an active system matching the filters and search, a page at a time, sorted by
   * their weakest axis, their top risk or name: each with how many of its matching systems sit at
   * each level per axis (worst and median level too) and its top risk; and the totals.
   */
  summaries: viewerProcedure
    .input(teamSummariesInput)
    .query(({ ctx, input }) => teamSummaryPage(ctx.db, input)),

  /** One team's active systems matching the filters and search, a page at a time, in the same order. */
  systems: viewerProcedure.input(teamSystemsInput).query(({ ctx, input }) => teamSystemsPage(ctx.db, input)),
});
