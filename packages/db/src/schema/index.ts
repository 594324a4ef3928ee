export * from "./events.ts";
export * from "./projections.ts";
