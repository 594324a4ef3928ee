import { countDeadLetters, listDeadLetters } from "@maturity/db";
import { redriveDeadLetters } from "@maturity/worker";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { adminProcedure, createTRPCRouter } from "../trpc.ts";

/** How much of each parked record the listing shows; the whole record stays in the database. */
const previewChars = 2_000;
/** Rows listed at most (newest first); the counts cover every pending one. */
const listLimit = 500;

export const deadLettersRouter = createTRPCRouter({
  /**
   * Records the worker could not apply, newest first, with the pending ones counted by reason
   * kind. Admins only: a parked record may hold anything a sender put in it.
   */
  list: adminProcedure
    .input(z.object({ includeRedriven: z.boolean().optional() }).default({}))
    .query(async ({ ctx, input }) => {
      const [rows, counts] = await Promise.all([
        listDeadLetters(ctx.db, { includeRedriven: input.includeRedriven ?? false, limit: listLimit }),
        countDeadLetters(ctx.db),
      ]);
      return {
        rows: rows.map(({ value, ...row }) => ({
          ...row,
          preview: value.slice(0, previewChars),
          valueLength: value.length,
        })),
        counts,
        limit: listLimit,
      };
    }),

  /**
   * Puts dead letters back on the event log after a fix (admin only), by id or every pending one.
   * Each is marked re-driven by the admin and its event carries `redrivenby`/`redrivenat`, so the
   * action is on the record twice. One already re-driven is not appended again.
   */
  retry: adminProcedure
    .input(z.object({ ids: z.array(z.number().int().positive()).min(1).max(10_000).optional() }).default({}))
    .mutation(async ({ ctx, input }) => {
      const append = ctx.appendToLog;
      if (append === undefined)
        throw new TRPCError({ code: "PRECONDITION_FAILED", message: "this process cannot write to the log" });
      let redriven;
      try {
        redriven = await redriveDeadLetters({
          db: ctx.db,
          append,
          actor: ctx.viewer.id,
          ...(input.ids !== undefined && { ids: input.ids }),
        });
      } catch (error) {
        throw new TRPCError({
          code: "SERVICE_UNAVAILABLE",
          message: `the event log did not take the records, so none was re-driven: ${(error as Error).message}`,
          cause: error,
        });
      }
      return { count: redriven.length, ids: redriven.map((row) => row.id) };
    }),
});
