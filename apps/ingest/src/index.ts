export { ingestPlugin } from "./plugin.ts";
export type { IngestOptions } from "./plugin.ts";
export { readIngestConfig, defaultIngestConfig, ingestProcessSettings } from "./env.ts";
export type { IngestConfig } from "./env.ts";
export { ingestConfigFrom, ingestSettings } from "./settings.ts";
export type { IngestSettingValues } from "./settings.ts";
export type { ResolveSystem, SystemRef } from "./systems.ts";
export type { IngestErrorBody } from "./errors.ts";
export { secretsEqual } from "./auth/constant-time.ts";
