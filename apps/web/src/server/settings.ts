// The settings only `npm start` (this app) reads, declared once; env.ts composes them with the
// ingest's, the worker's and the shared fragments.
import { z } from "zod";

const roles = ["ingest", "worker", "web"] as const;

export const portalSettings = {
  MATURITY_ROLES: z
    .string()
    .default(roles.join(","))
    .transform((value) => value.split(",").map((role) => role.trim()))
    .pipe(z.array(z.enum(roles)).min(1))
    .describe("The parts this process runs, comma-separated; all three is the single-process mode"),
  MATURITY_FORECAST_MIN_HISTORY_DAYS: z.coerce
    .number()
    .int()
    .min(7)
    .max(182)
    .default(28)
    .describe(
      "Days of score history a forecast needs at least (and three weekly samples) before the portal gives a date; at most the 182 days the trend looks back",
    ),
};

/** The demo organisation seeded on the first embedded start (see demo-seed.ts). */
export const demoSeedSettings = {
  MATURITY_DEMO_SEED: z.coerce
    .number()
    .int()
    .min(0)
    .default(1)
    .describe("Seed of the demo organisation generated on the first embedded start"),
  MATURITY_DEMO_TEAMS: z.coerce.number().int().min(1).default(12).describe("Teams in the demo organisation"),
  MATURITY_DEMO_SYSTEMS: z.coerce
    .number()
    .int()
    .min(1)
    .default(80)
    .describe("Systems in the demo organisation"),
  MATURITY_DEMO_DAYS: z.coerce
    .number()
    .int()
    .min(7)
    .default(180)
    .describe("Days of history the demo organisation has, ending now"),
  // Moderate, so the first run is populated within a minute; `maturity demo` defaults higher.
  MATURITY_DEMO_LLM_CALLS_PER_DAY: z.coerce
    .number()
    .int()
    .min(0)
    .default(6)
    .describe("Mean LLM requests per day of one LLM system in the demo history"),
};

/** Who is asking: identity headers from an authenticating proxy, and tokens for automation. */
export const signOnSettings = {
  MATURITY_AUTH_USER_HEADER: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The header in which the authenticating proxy puts the user (e.g. X-Forwarded-User); unset, no identity header is trusted",
    ),
  MATURITY_AUTH_GROUPS_HEADER: z
    .string()
    .min(1)
    .optional()
    .describe("The proxy's header with the user's groups, comma-separated (e.g. X-Forwarded-Groups)"),
  MATURITY_AUTH_NAME_HEADER: z
    .string()
    .min(1)
    .optional()
    .describe("The proxy's header with a display name (e.g. X-Forwarded-Preferred-Username)"),
  MATURITY_AUTH_ADMIN_GROUP: z
    .string()
    .min(1)
    .default("maturity-admins")
    .describe("Members of this group (in the groups header) get the admin role"),
  MATURITY_AUTH_TRUSTED_PROXIES: z
    .string()
    .min(1)
    .default("127.0.0.1,::1")
    .describe("Peers whose identity headers are believed (the proxy's addresses), comma-separated"),
  MATURITY_API_TOKENS: z
    .string()
    .optional()
    .describe(
      "Tokens for automation, comma-separated `name:token[:viewer|admin]` (tokens of 16+ characters)",
    ),
};
