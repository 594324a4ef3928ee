export * from "./events.ts";
export * from "./projections.ts";
export * from "./dead-letters.ts";
export * from "./alert-outbox.ts";
export * from "./alert-state.ts";
export * from "./campaigns.ts";
