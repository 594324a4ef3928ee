export { ingestPlugin } from "./plugin.ts";
export type { IngestOptions } from "./plugin.ts";
export { readIngestConfig, defaultIngestConfig, ingestProcessSettings } from "./env.ts";
export type { IngestConfig } from "./env.ts";
export { ingestConfigFrom, ingestSettings } from "./settings.ts";
export type { IngestSettingValues } from "./settings.ts";
export type { ResolveSystem, SystemRef } from "./systems.ts";
export type { IngestErrorBody } from "./errors.ts";
export { secretsEqual } from "./auth/constant-time.ts";
export { createPolicyHolder } from "./policy-holder.ts";
export type { PolicyHolder } from "./policy-holder.ts";
export { platformEventRefusal } from "./policy-checks.ts";
// The demo's first run replays PagerDuty deliveries through the route's own mapping.
export { mapPagerdutyDelivery } from "./adapters/pagerduty.ts";
export { eventOfDraft, type DraftEvent } from "./draft-event.ts";
