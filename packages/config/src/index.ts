export * from "./settings.ts";
export { listenSettings, logLevelSettings } from "./process-settings.ts";
export { knownSettingNames } from "./known-settings.ts";
