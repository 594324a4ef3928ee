import { axes, type AxisForecast, type RollupForecast, type SystemForecast } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { gapForecastPhrase, systemForecastLine } from "./forecast-lines.ts";

const flat: AxisForecast = {
  status: "not_improving",
  score: 2.4,
  level: 2,
  trend: null,
  nextLevel: null,
  typical: { fromLevel: 2, toLevel: 3, minMonths: 6, maxMonths: 9, orMore: false },
  levelSince: null,
  pace: null,
};
const system = (overrides: Partial<SystemForecast>): SystemForecast => ({
  ...(Object.fromEntries(axes.map((axis) => [axis, flat])) as SystemForecast),
  ...overrides,
});

describe("the forecast in the summary", () => {
  it("names the axes with news: a date with its range and pace, a decline, a stall behind the usual", () => {
    const line = systemForecastLine(
      system({
        evaluation: {
          ...flat,
          status: "improving",
          nextLevel: {
            date: "2027-03-01T00:00:00.000Z",
            earliest: "2027-02-01T00:00:00.000Z",
            latest: null,
          },
          pace: "within",
        },
        deployment: { ...flat, status: "declining" },
        governance: { ...flat, pace: "behind" },
      }),
    );
    expect(line).toEqual([
      "  forecast: evaluation L3 by 2027-03-01 (2027-02-01 – open, usual 6–9 months: within) · deployment declining · governance stalled at L2, usual 6–9 months: behind",
    ]);
  });

  it("says nothing for a system without a forecast or without news", () => {
    expect(systemForecastLine(undefined)).toEqual([]);
    expect(systemForecastLine(system({}))).toEqual([]);
  });

  it("says where the LLM/agent gap is heading", () => {
    const gap = (status: RollupForecast["gap"]["evaluation"]["status"]) => ({
      status,
      gap: 0.4,
      trend: null,
      closesOn:
        status === "closing"
          ? { date: "2027-05-01T00:00:00.000Z", earliest: "2027-04-01T00:00:00.000Z", latest: null }
          : null,
    });
    const forecast = {
      tracks: { classical: {}, llm: {}, agent: {} },
      gap: {
        reproducibility: gap("closed"),
        evaluation: gap("closing"),
        deployment: gap("widening"),
        observability: gap("steady"),
        governance: gap("not_enough_history"),
      },
    } as unknown as RollupForecast;
    expect(gapForecastPhrase(forecast)).toBe(
      "reproducibility closed, evaluation closes by 2027-05-01, deployment widening",
    );
    expect(gapForecastPhrase(undefined)).toBeUndefined();
  });
});
