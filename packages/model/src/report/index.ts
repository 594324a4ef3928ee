export * from "./criterion-result.ts";
export * from "./axis-score.ts";
export * from "./metrics.ts";
export * from "./risk.ts";
export * from "./rollup.ts";
export * from "./score-report.ts";
export * from "./waiver.ts";
export * from "./forecast.ts";
