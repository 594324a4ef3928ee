import { exampleEvents, scoreReportSchema } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { scoreEvents } from "../score-events.ts";
import { addForecasts, historyFromReports } from "./report-forecasts.ts";
import { defaultForecastWindowDays } from "./axis-forecast.ts";
import { sampleTimes } from "./samples.ts";
import { forecastAxis } from "./system-forecast.ts";

const asOf = Date.parse("2026-06-01T00:00:00Z");
const reports = sampleTimes(asOf, defaultForecastWindowDays).map((time) =>
  scoreEvents(exampleEvents, { asOf: time }),
);
const latest = reports.at(-1)!;

describe("the report's forecast sections", () => {
  it("read each system's history off reports at several times, in any order", () => {
    const history = historyFromReports(reports);
    const reversed = historyFromReports([...reports].reverse());
    const system = latest.systems[0]!;
    expect(history.get(system.systemId)!.evaluation).toHaveLength(
      reports.filter((r) => r.systems.some((s) => s.systemId === system.systemId)).length,
    );
    expect(forecastAxis(reversed.get(system.systemId)!.evaluation, { asOf })).toEqual(
      forecastAxis(history.get(system.systemId)!.evaluation, { asOf }),
    );
  });

  it("add a forecast to every system with history, to every team and to the organisation, valid against the report schema", () => {
    const history = historyFromReports(reports);
    const report = addForecasts(latest, history);
    expect(scoreReportSchema.safeParse(report).success).toBe(true);
    for (const system of report.systems) {
      expect(system.forecast!.evaluation).toEqual(
        forecastAxis(history.get(system.systemId)!.evaluation, { asOf }),
      );
    }
    expect(report.teams.every((team) => team.forecast !== undefined)).toBe(true);
    expect(report.org.forecast).toBeDefined();
  });

  it("leave a system without history as it was", () => {
    const report = addForecasts(latest, new Map());
    expect(report.systems.every((system) => system.forecast === undefined)).toBe(true);
    expect(report.org.forecast!.gap.evaluation.status).toBe("not_enough_history");
  });
});
