export { forecastAxis, forecastSystem, levelSince, type AxisHistory } from "./system-forecast.ts";
export { forecastRollup, closedGap, type RollupMember } from "./rollup-forecast.ts";
export {
  defaultForecastWindowDays,
  defaultMinHistoryDays,
  flatSlopePerDay,
  type ForecastOptions,
} from "./axis-forecast.ts";
export { theilSen, type TheilSen, type Sample } from "./theil-sen.ts";
export { weeklySamples, type ScorePoint, type WeeklySample } from "./samples.ts";
export { addForecasts, historyFromReports } from "./report-forecasts.ts";
export { sampleTimes } from "./samples.ts";
