export * from "./events.ts";
export * from "./systems.ts";
