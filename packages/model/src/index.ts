export * from "./kinds.ts";
export * from "./events/index.ts";
export * from "./report/index.ts";
export * from "./catalogue/index.ts";
export * from "./alerts/rules.ts";
export * from "./campaigns/campaign.ts";
