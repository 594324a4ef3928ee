export { ingestPlugin } from "./plugin.ts";
export type { IngestOptions } from "./plugin.ts";
export type { IngestErrorBody } from "./errors.ts";
