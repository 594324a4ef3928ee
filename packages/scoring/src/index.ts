// @maturity/scoring: pure functions from events to facts to score reports. No I/O, no clock.
export { initialFacts, initialSystemFacts, initialQueueFacts } from "./facts/initial.ts";
export { evolve, evolveSystem, foldEvents } from "./facts/fold.ts";
export { columnListNames, kindVersions } from "./facts/kinds/index.ts";
export { eventTypesOf, refoldKinds, staleKinds } from "./facts/versions.ts";
export type { FoldOptions } from "./facts/fold.ts";
export { factsVersion } from "./facts/types.ts";
export type * from "./facts/types.ts";
export { assembleReport, scoreSystem, scoreOrg } from "./report.ts";
export { scoreEvents } from "./score-events.ts";
export { computeMetrics, median, percentile } from "./metrics/index.ts";
export { rollupTracks } from "./rollups.ts";
export { identityAt, unregisteredTeam, type SystemIdentity } from "./views/catalog.ts";
export { nextUpgrade, upgradeForLevel } from "./risks/next-upgrade.ts";
export type { ScoreOptions } from "./options.ts";
export { defaultWindowDays, defaultMetricsWindowDays } from "./options.ts";
export * from "./forecast/index.ts";
export * from "./campaign/index.ts";
