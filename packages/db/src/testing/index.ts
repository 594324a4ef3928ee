export { testDatabaseUrl } from "./env.ts";
export { createScratchDatabase } from "./scratch-database.ts";
export type { ScratchDatabase } from "./scratch-database.ts";
export { dumpProjections } from "./dump-projections.ts";
export { startPrivatePostgres } from "./private-server.ts";
export type { PrivatePostgres } from "./private-server.ts";
