export * from "./native-ids.ts";
export * from "./identity.ts";
