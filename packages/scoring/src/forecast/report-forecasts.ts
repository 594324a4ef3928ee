// The score report's forecast sections: each system's from its own history, each team's and the
// organisation's from the histories of their systems (retired ones left out, as in rollups).
import { axes, type ScoreReport } from "@maturity/model";
import type { ForecastOptions } from "./axis-forecast.ts";
import { forecastRollup, type RollupMember } from "./rollup-forecast.ts";
import type { ScorePoint } from "./samples.ts";
import { forecastSystem, type AxisHistory } from "./system-forecast.ts";

/** The report with forecasts added: systems without history get none. asOf is the report's. */
export function addForecasts(
  report: ScoreReport,
  history: ReadonlyMap<string, AxisHistory>,
  options: Omit<ForecastOptions, "asOf"> = {},
): ScoreReport {
  const forecastOptions = { ...options, asOf: Date.parse(report.asOf) };
  const members = new Map<string, RollupMember[]>();
  const all: RollupMember[] = [];
  for (const system of report.systems) {
    const axisHistory = history.get(system.systemId);
    if (system.retired || axisHistory === undefined) continue;
    const member = { kind: system.kind, history: axisHistory };
    all.push(member);
    members.set(system.team, [...(members.get(system.team) ?? []), member]);
  }
  return {
    ...report,
    systems: report.systems.map((system) => {
      const axisHistory = history.get(system.systemId);
      return axisHistory === undefined
        ? system
        : { ...system, forecast: forecastSystem(axisHistory, forecastOptions) };
    }),
    teams: report.teams.map((team) => ({
      ...team,
      forecast: forecastRollup(members.get(team.team) ?? [], forecastOptions),
    })),
    org: { ...report.org, forecast: forecastRollup(all, forecastOptions) },
  };
}

/** Score histories read off reports of the same organisation at several times (any order). */
export function historyFromReports(reports: readonly ScoreReport[]): Map<string, AxisHistory> {
  const history = new Map<string, Record<string, ScorePoint[]>>();
  for (const report of reports)
    for (const system of report.systems) {
      const axesOf = history.get(system.systemId) ?? Object.fromEntries(axes.map((axis) => [axis, []]));
      for (const axis of axes) {
        const { score, level } = system.axes[axis];
        axesOf[axis]!.push({ at: report.asOf, score, level });
      }
      history.set(system.systemId, axesOf);
    }
  return history as unknown as Map<string, AxisHistory>;
}
