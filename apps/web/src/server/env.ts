import path from "node:path";
import { readIngestConfig } from "@maturity/ingest";
import { workerHealthSettings } from "@maturity/worker";
import { z } from "zod";
import type { AuthConfig } from "./auth/auth-config.ts";
import { parseApiTokens } from "./auth/auth-config.ts";

const roles = ["ingest", "worker", "web"] as const;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  /** Where the embedded database and event log live when no server is configured. */
  MATURITY_DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  KAFKA_BROKERS: z.string().min(1).optional(),
  KAFKA_TOPIC: z.string().min(1).default("maturity.events"),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).default(6),
  WORKER_GROUP_ID: z.string().min(1).default("maturity-worker"),
  ...workerHealthSettings,
  /** Which parts this process runs; all three by default (the single-process mode). */
  MATURITY_ROLES: z
    .string()
    .default(roles.join(","))
    .transform((value) => value.split(",").map((role) => role.trim()))
    .pipe(z.array(z.enum(roles)).min(1)),
  /** The demo organisation seeded on the first embedded start (see demo-seed.ts). */
  MATURITY_DEMO_SEED: z.coerce.number().int().min(0).default(1),
  MATURITY_DEMO_TEAMS: z.coerce.number().int().min(1).default(12),
  MATURITY_DEMO_SYSTEMS: z.coerce.number().int().min(1).default(80),
  MATURITY_DEMO_DAYS: z.coerce.number().int().min(7).default(180),
  // Moderate, so the first run is populated within a minute; `maturity demo` defaults higher.
  MATURITY_DEMO_LLM_CALLS_PER_DAY: z.coerce.number().int().min(0).default(6),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * Sign-on: the header in which the authenticating proxy puts the user (e.g. X-Forwarded-User).
   * Unset, the portal trusts no identity header.
   */
  MATURITY_AUTH_USER_HEADER: z.string().min(1).optional(),
  /** The proxy's header with the user's groups, comma-separated (e.g. X-Forwarded-Groups). */
  MATURITY_AUTH_GROUPS_HEADER: z.string().min(1).optional(),
  /** The proxy's header with a display name (e.g. X-Forwarded-Preferred-Username). */
  MATURITY_AUTH_NAME_HEADER: z.string().min(1).optional(),
  /** Members of this group get the admin role (mapping unmapped sources). */
  MATURITY_AUTH_ADMIN_GROUP: z.string().min(1).default("maturity-admins"),
  /** Peers whose identity headers are believed (the proxy's addresses). */
  MATURITY_AUTH_TRUSTED_PROXIES: z.string().min(1).default("127.0.0.1,::1"),
  /** Automation: comma-separated `name:token[:viewer|admin]`. */
  MATURITY_API_TOKENS: z.string().optional(),
  /** npm sets INIT_CWD to where the user typed `npm start`; relative paths are theirs. */
  INIT_CWD: z.string().optional(),
});

export type WebEnv = ReturnType<typeof readEnv>;

export function readEnv(source: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const reasons = parsed.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new Error(`invalid configuration: ${reasons}`);
  }
  const env = parsed.data;
  return {
    ...env,
    MATURITY_DATA_DIR: path.resolve(env.INIT_CWD ?? process.cwd(), env.MATURITY_DATA_DIR),
    kafkaBrokers: env.KAFKA_BROKERS?.split(",")
      .map((broker) => broker.trim())
      .filter(Boolean),
    demo: {
      seed: env.MATURITY_DEMO_SEED,
      teams: env.MATURITY_DEMO_TEAMS,
      systems: env.MATURITY_DEMO_SYSTEMS,
      days: env.MATURITY_DEMO_DAYS,
      llmCallsPerDay: env.MATURITY_DEMO_LLM_CALLS_PER_DAY,
    },
    auth: {
      ...(env.MATURITY_AUTH_USER_HEADER !== undefined && {
        proxy: {
          userHeader: env.MATURITY_AUTH_USER_HEADER,
          groupsHeader: env.MATURITY_AUTH_GROUPS_HEADER,
          nameHeader: env.MATURITY_AUTH_NAME_HEADER,
          adminGroup: env.MATURITY_AUTH_ADMIN_GROUP,
          trustedProxies: env.MATURITY_AUTH_TRUSTED_PROXIES.split(",").map((address) => address.trim()),
        },
      }),
      tokens: parseApiTokens(env.MATURITY_API_TOKENS),
    } satisfies AuthConfig as AuthConfig,
    /** INGEST_TOKENS, webhook secrets, limits: read by the ingest app's own env reader. */
    ingest: readIngestConfig(source, "embedded"),
  };
}
