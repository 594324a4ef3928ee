// The database's settings, declared once: where the PostgreSQL server is, or else where the
// embedded one (and the embedded event log) keeps its files.
import path from "node:path";
import { z } from "zod";

export const databaseSettings = {
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "expected a postgres:// or postgresql:// URL" })
    .optional()
    .describe(
      "The PostgreSQL server, `postgres://user:password@host:port/database`; unset, `npm start` and `maturity` use the embedded database in MATURITY_DATA_DIR",
    ),
};

export const dataDirSettings = {
  MATURITY_DATA_DIR: z
    .string()
    .min(1)
    .default(".data")
    .describe("Where the embedded database and event log live (relative to where `npm start` was typed)"),
  INIT_CWD: z
    .string()
    .optional()
    .describe(
      "Set by npm to the directory `npm` was run in; a relative MATURITY_DATA_DIR is resolved from it",
    ),
};

/** The data folder as an absolute path: a relative one is the user's, from where they typed npm. */
export function resolveDataDir(env: { MATURITY_DATA_DIR: string; INIT_CWD?: string | undefined }): string {
  return path.resolve(env.INIT_CWD ?? process.cwd(), env.MATURITY_DATA_DIR);
}
