export { testDatabaseUrl } from "./env.ts";
export { createScratchDatabase } from "./scratch-database.ts";
export type { ScratchDatabase } from "./scratch-database.ts";
export { dumpProjections } from "./dump-projections.ts";
