// @maturity/demo: a deterministic, streaming generator of a realistic organisation's events.
export { checkDemoOptions, demoDefaults, demoLimits, type DemoOptions } from "./options.ts";
export { planOrganisation, type OrganisationPlan, type PlannedSystem } from "./organisation.ts";
export { profiles, profileMix, type AxisLevels, type ProfileName, type Profile } from "./profiles.ts";
export { organisationHistory, newProgress, type GenerationProgress } from "./history.ts";
export { liveEvents } from "./live.ts";
export type { DemoEvent } from "./events.ts";
export { Prng } from "./prng.ts";
export {
  demoCatalogueEntities,
  demoCatalogueYaml,
  demoOwnerGroup,
  demoPagerDutyServiceId,
  type DemoEntity,
} from "./backstage-catalogue.ts";
export { demoPagerDutyDelivery } from "./pagerduty-deliveries.ts";
export { demoCampaigns } from "./campaigns.ts";
export { trajectories, climbingAxes, regressingAxes, type TrajectoryName } from "./trajectories.ts";
