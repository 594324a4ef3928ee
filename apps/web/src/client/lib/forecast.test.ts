import type { AxisForecast, GapForecast } from "@maturity/model";
import { describe, expect, it } from "vitest";
import {
  axisForecastShort,
  axisForecastText,
  gapForecastText,
  gapProjection,
  levelProjection,
  mergeOnTime,
} from "./forecast.ts";

const dayMs = 86_400_000;
const asOf = "2026-12-01T12:00:00.000Z"; // noon: the same day in any time zone
const start = Date.parse(asOf);
const iso = (days: number) => new Date(start + days * dayMs).toISOString();
const trend = (slopePerWeek: number, lowPerWeek: number, highPerWeek: number) => ({
  slopePerWeek,
  lowPerWeek,
  highPerWeek,
  samples: 10,
  from: iso(-63),
  to: asOf,
});

// 2.3 at 0.07 a week (0.01 a day): level 3 in 70 days; at 0.14 a week in 35, at 0.035 in 140.
const improving: AxisForecast = {
  status: "improving",
  score: 2.3,
  level: 2,
  trend: trend(0.07, 0.035, 0.14),
  nextLevel: { date: iso(70), earliest: iso(35), latest: iso(140) },
  typical: { fromLevel: 2, toLevel: 3, minMonths: 6, maxMonths: 9, orMore: false },
  levelSince: iso(-40),
  pace: "ahead",
};

describe("forecasts in words", () => {
  it("gives the date, the range and the usual time of the next level", () => {
    expect(axisForecastText(improving, 28)).toBe(
      "Level 3 expected by 9 Feb 2027 (range 5 Jan 2027–20 Apr 2027), usual 6–9 months",
    );
    expect(axisForecastText({ ...improving, nextLevel: { ...improving.nextLevel!, latest: null } }, 28)).toBe(
      "Level 3 expected by 9 Feb 2027 (range 5 Jan 2027–open), usual 6–9 months",
    );
    expect(axisForecastShort(improving)).toBe("L3 by Feb 2027");
  });

  it("says why there is no date", () => {
    const flat = { ...improving, status: "not_improving" as const, nextLevel: null };
    expect(axisForecastText(flat, 28)).toBe("Not improving: no date for level 3, usual 6–9 months");
    expect(axisForecastText({ ...flat, status: "declining" }, 28)).toMatch(/^Declining/);
    expect(axisForecastText({ ...flat, status: "not_enough_history", trend: null }, 42)).toBe(
      "Not enough history yet (needs 42 days)",
    );
    const top = { ...flat, status: "at_top" as const, level: 5, typical: null };
    expect(axisForecastText(top, 28)).toBe("At level 5: nothing above");
  });

  it("says when the gap closes, or that it does not", () => {
    const closing: GapForecast = {
      status: "closing",
      gap: 0.75,
      trend: trend(-0.07, -0.14, -0.035),
      closesOn: { date: iso(70), earliest: iso(35), latest: null },
    };
    expect(gapForecastText(closing, 28)).toBe("Closes by 9 Feb 2027 (range 5 Jan 2027–open)");
    expect(gapForecastText({ ...closing, status: "widening", closesOn: null }, 28)).toBe("Widening");
    expect(gapForecastText({ ...closing, status: "not_enough_history", gap: null }, 28)).toMatch(
      /one of the tracks has no systems/,
    );
  });
});

describe("forecasts drawn", () => {
  it("runs the trend to the next level on its date, the band between the slope's bounds", () => {
    const projection = levelProjection(improving, asOf)!;
    expect(projection.line).toEqual([
      { t: start, value: 2.3 },
      { t: start + 70 * dayMs, value: 3 },
    ]);
    expect(projection.end).toBe(start + 140 * dayMs);
    const band = new Map(projection.band.map((point) => [point.t, point.band]));
    expect(band.get(start)).toEqual([2.3, 2.3]);
    // The fast bound reaches the level at the earliest date, the slow one at the latest.
    expect(band.get(start + 35 * dayMs)![1]).toBeCloseTo(3, 10);
    expect(band.get(start + 140 * dayMs)![0]).toBeCloseTo(3, 10);
    expect(band.get(start + 140 * dayMs)![1]).toBe(3);
    expect(levelProjection({ ...improving, status: "not_improving", nextLevel: null }, asOf)).toBeNull();
  });

  it("runs a closing gap down to where it counts as closed, an open range as far again", () => {
    const gap: GapForecast = {
      status: "closing",
      gap: 0.75,
      trend: trend(-0.07, -0.14, 0.01),
      closesOn: { date: iso(70), earliest: iso(35), latest: null },
    };
    const projection = gapProjection(gap, asOf)!;
    expect(projection.line[1]!.t).toBe(start + 70 * dayMs);
    expect(projection.line[1]!.value).toBeCloseTo(0.05, 10);
    expect(projection.end).toBe(start + 140 * dayMs);
    const last = projection.band.at(-1)!;
    expect(last.band[0]).toBeCloseTo(0.05, 10);
    // The slope's upper bound rises: the band's top does too.
    expect(last.band[1]).toBeGreaterThan(0.75);
    expect(gapProjection({ ...gap, status: "steady", closesOn: null }, asOf)).toBeNull();
  });

  it("merges series on their instants", () => {
    expect(
      mergeOnTime<{ t: number; a?: number; b?: number }>(
        [{ t: 2, a: 1 }],
        [
          { t: 1, b: 2 },
          { t: 2, b: 3 },
        ],
      ),
    ).toEqual([
      { t: 1, b: 2 },
      { t: 2, a: 1, b: 3 },
    ]);
  });
});
