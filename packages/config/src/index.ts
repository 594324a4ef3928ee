export * from "./settings.ts";
export { listenSettings, logLevelSettings } from "./process-settings.ts";
export { publicUrlSettings } from "./public-url.ts";
export { knownSettingNames } from "./known-settings.ts";
