import type { Database } from "@maturity/db";
import { initTRPC } from "@trpc/server";
import { ZodError, z } from "zod";

/** What every procedure can use: no request in here, so tests build it directly. */
export interface InnerContext {
  db: Database;
}

export function createInnerContext(context: InnerContext): InnerContext {
  return context;
}

const t = initTRPC.context<InnerContext>().create({
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field-level reasons for bad input, so the portal can say which field was wrong.
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;
