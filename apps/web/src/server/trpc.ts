import type { AlertsConfig } from "@maturity/alerts";
import type { Database } from "@maturity/db";
import type { LogRecord } from "@maturity/log";
import { formatPath, unstorableTextIssue } from "@maturity/model";
import { TRPCError, initTRPC } from "@trpc/server";
import { ZodError, z } from "zod";
import type { SigningKey } from "./audit-pack/build-pack.ts";
import type { Viewer } from "./auth/viewer.ts";
import { isAdmin, localAdmin } from "./auth/viewer.ts";
import type { ReadCache } from "./live/read-cache.ts";
import type { ScoreChangeFeed } from "./live/score-change-feed.ts";

/** What every procedure can use: no request in here, so tests build it directly. */
export interface InnerContext {
  db: Database;
  /** Who is asking; null when sign-on is configured and the request carried no identity. */
  viewer: Viewer | null;
  /** Why `viewer` is null, said to the caller. */
  refusal?: string;
  /** Committed score changes, for live pages (absent where no listener runs, e.g. tests). */
  scoreChanges?: ScoreChangeFeed;
  /** Whole-organisation answers kept until the next change (absent: every read goes to the store). */
  readCache?: ReadCache;
  /** Appends events to the log, as ingest does (admin actions are events too). */
  appendToLog?: (records: LogRecord[]) => Promise<void>;
  /** Signs the audit packs this process builds (MATURITY_SIGNING_KEY); absent, they are unsigned. */
  signingKey?: SigningKey;
  /** The alerts file (MATURITY_ALERTS) this process was started with; absent, alerting is off. */
  alerts?: AlertsConfig;
  /** The history a forecast needs at least (MATURITY_FORECAST_MIN_HISTORY_DAYS); absent, 28 days. */
  forecastMinHistoryDays?: number;
}

/** Without a viewer given, the local admin of an unconfigured (embedded) portal. */
export function createInnerContext(
  context: Omit<InnerContext, "viewer"> & { viewer?: Viewer | null },
): InnerContext {
  return { ...context, viewer: context.viewer === undefined ? localAdmin : context.viewer };
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

/**
 * Text the store cannot hold (NUL, an unpaired surrogate) in any input is bad input, refused here
 * once for every procedure: met first by a query parameter, the database would fail the request.
 */
const storableInput = t.middleware(async ({ getRawInput, next }) => {
  const issue = unstorableTextIssue(await getRawInput());
  if (issue !== undefined)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `${formatPath(["input", ...issue.path])}: ${issue.message}`,
    });
  return next();
});

/** Anyone signed in (or everyone, when no sign-on is configured). */
export const viewerProcedure = t.procedure
  .use(({ ctx, next }) => {
    if (ctx.viewer === null)
      throw new TRPCError({ code: "UNAUTHORIZED", message: ctx.refusal ?? "sign in first" });
    return next({ ctx: { ...ctx, viewer: ctx.viewer } });
  })
  .use(storableInput);

/** Actions that change what the platform believes (mapping a source): the admin role only. */
export const adminProcedure = viewerProcedure.use(({ ctx, next }) => {
  if (!isAdmin(ctx.viewer))
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `${ctx.viewer.name} is not an admin: ask for the admin group (MATURITY_AUTH_ADMIN_GROUP)`,
    });
  return next();
});
