import { axes, type Axis } from "@maturity/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forecastAxis, forecastSystem } from "./system-forecast.ts";
import { forecastRollup, type RollupMember } from "./rollup-forecast.ts";
import { theilSen } from "./theil-sen.ts";
import { dayMs, weeklySamples, type ScorePoint } from "./samples.ts";

const asOf = Date.parse("2026-12-01T00:00:00.000Z");
const at = (daysAgo: number) => new Date(asOf - daysAgo * dayMs).toISOString();

/** Weekly history rows along score = f(daysAgo), newest at asOf. */
function history(weeks: number, score: (daysAgo: number) => number): ScorePoint[] {
  return Array.from({ length: weeks + 1 }, (_, index) => {
    const daysAgo = (weeks - index) * 7;
    const value = Math.min(5, Math.max(1, score(daysAgo)));
    return { at: at(daysAgo), score: value, level: Math.floor(value) };
  });
}

/** A seeded generator, so noisy series are the same on every run. */
function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
}

const options = { asOf };

describe("Theil–Sen", () => {
  it("finds the slope of a straight line exactly, with no spread", () => {
    const fit = theilSen([0, 1, 2, 3, 4].map((x) => ({ x, y: 2 + 0.5 * x })))!;
    expect(fit).toEqual({ slope: 0.5, intercept: 2, low: 0.5, high: 0.5 });
  });

  it("is not moved by one jump", () => {
    const points = [0, 1, 2, 3, 4, 5, 6].map((x) => ({ x, y: x }));
    points[3] = { x: 3, y: 40 };
    expect(theilSen(points)!.slope).toBe(1);
  });
});

describe("an axis forecast", () => {
  it("a straight climb of a quarter level a month from 2.0 forecasts level 3 on the obvious date", () => {
    // 2.0 twenty weeks ago, climbing 0.25 per 30 days: 2 + 0.25·140/30 ≈ 3.17 would pass 3, so start lower.
    const perDay = 0.25 / 30;
    const points = history(20, (daysAgo) => 2.5 - perDay * daysAgo);
    const forecast = forecastAxis(points, options);
    expect(forecast.status).toBe("improving");
    expect(forecast.score).toBeCloseTo(2.5, 10);
    expect(forecast.level).toBe(2);
    expect(forecast.trend!.slopePerWeek).toBeCloseTo(perDay * 7, 10);
    // 0.5 points to go at 0.25 a month: 60 days.
    const expected = asOf + 60 * dayMs;
    expect(Date.parse(forecast.nextLevel!.date)).toBeCloseTo(expected, -3);
    expect(forecast.nextLevel!.earliest).toBe(forecast.nextLevel!.date);
    expect(forecast.nextLevel!.latest).toBe(forecast.nextLevel!.date);
    expect(forecast.typical).toMatchObject({ fromLevel: 2, toLevel: 3, minMonths: 6, maxMonths: 9 });
  });

  it("a flat line is not improving, and has no date", () => {
    const forecast = forecastAxis(
      history(12, () => 2.4),
      options,
    );
    expect(forecast).toMatchObject({ status: "not_improving", nextLevel: null });
    expect(forecast.trend!.slopePerWeek).toBe(0);
  });

  it("a falling line is declining", () => {
    expect(
      forecastAxis(
        history(12, (d) => 2.2 + d / 100),
        options,
      ).status,
    ).toBe("declining");
  });

  it("says so when the history is too short, and at level 5 that there is nothing above", () => {
    expect(
      forecastAxis(
        history(2, (d) => 2.5 - d / 100),
        options,
      ),
    ).toMatchObject({
      status: "not_enough_history",
      trend: null,
      nextLevel: null,
    });
    expect(
      forecastAxis(
        history(3, (d) => 2.5 - d / 100),
        { asOf, minHistoryDays: 60 },
      ).status,
    ).toBe("not_enough_history");
    expect(
      forecastAxis(
        history(12, () => 5),
        options,
      ),
    ).toMatchObject({ status: "at_top", level: 5 });
  });

  it("noise around an upward trend still forecasts, the true date inside the range", () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const random = noise(seed);
      const perDay = 0.004;
      const points = history(26, (daysAgo) => 3.3 - perDay * daysAgo + random() * 0.15);
      const forecast = forecastAxis(points, options);
      expect(forecast.status, `seed ${seed}`).toBe("improving");
      const trueDate = asOf + ((4 - forecast.score) / perDay) * dayMs;
      expect(Date.parse(forecast.nextLevel!.earliest), `seed ${seed}`).toBeLessThanOrEqual(trueDate);
      expect(Date.parse(forecast.nextLevel!.latest!), `seed ${seed}`).toBeGreaterThanOrEqual(trueDate);
    }
  });

  it("marks the pace against the typical step: ahead, within, behind", () => {
    // A steady climb that crossed into level 2 35 days ago: fast (done in under 6 months),
    // typical (7.5 months) or slow (well over 9).
    const rows = (perDay: number, reachedDaysAgo: number): ScorePoint[] =>
      history(10, (d) => 2 + perDay * (reachedDaysAgo - d));
    expect(forecastAxis(rows(0.02, 35), options).pace).toBe("ahead");
    expect(forecastAxis(rows(1 / 230, 35), options).pace).toBe("within");
    expect(forecastAxis(rows(1 / 600, 35), options).pace).toBe("behind");
    // Stalled for longer than the step's longest typical time: behind without a date.
    const stalled = [{ at: at(400), score: 1.9, level: 1 }, ...history(40, () => 2.3)];
    expect(forecastAxis(stalled, options)).toMatchObject({ status: "not_improving", pace: "behind" });
  });

  it("gives when the current level was reached", () => {
    const points = [
      { at: at(100), score: 1.5, level: 1 },
      { at: at(50), score: 2.1, level: 2 },
      { at: at(20), score: 2.4, level: 2 },
    ];
    expect(forecastAxis(points, options).levelSince).toBe(at(50));
    expect(forecastAxis(points.slice(1), options).levelSince).toBeNull();
  });
});

const pointsArbitrary = fc
  .tuple(
    // Never clamped at 1 or 5: the trend stays a line.
    fc.double({ min: -0.004, max: 0.004, noNaN: true }),
    fc.double({ min: 2.2, max: 2.8, noNaN: true }),
    fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 4, maxLength: 30 }),
  )
  .map(([perDay, start, jitter]) =>
    jitter.map((j, index) => {
      const daysAgo = (jitter.length - 1 - index) * 7;
      const score = start + perDay * (jitter.length * 7 - daysAgo) + j;
      return { at: at(daysAgo), score, level: Math.floor(score) };
    }),
  );

describe("forecast properties", () => {
  it("never depends on the order history rows arrive in", () => {
    fc.assert(
      fc.property(pointsArbitrary, fc.integer({ min: 1, max: 1_000_000 }), (points, seed) => {
        const random = noise(seed);
        const shuffled = [...points].sort(() => random());
        expect(forecastAxis(shuffled, options)).toEqual(forecastAxis(points, options));
      }),
    );
  });

  it("a later point on the trend narrows the range or keeps it", () => {
    fc.assert(
      fc.property(pointsArbitrary, (points) => {
        const before = forecastAxis(points, { asOf: asOf - 7 * dayMs, minHistoryDays: 14 });
        if (before.trend === null) return;
        // The next week's score exactly on the fitted line (x in days from the earlier asOf).
        const fit = theilSen(
          weeklySamples(points, asOf - 7 * dayMs, 182).map(({ x, score }) => ({ x, y: score })),
        )!;
        const onTrend = fit.intercept + fit.slope * 7;
        const extended = [...points.slice(0, -1), { at: at(0), score: onTrend, level: Math.floor(onTrend) }];
        const after = forecastAxis(extended, { asOf, minHistoryDays: 14 });
        const width = (f: typeof before) => f.trend!.highPerWeek - f.trend!.lowPerWeek;
        expect(width(after)).toBeLessThanOrEqual(width(before) * (1 + 1e-9) + 1e-9);
      }),
    );
  });
});

describe("a rollup forecast", () => {
  const flatAxes = (score: (daysAgo: number) => number) =>
    Object.fromEntries(axes.map((axis) => [axis, history(20, score)])) as Record<Axis, ScorePoint[]>;

  it("forecasts each track's median, and when the LLM/agent track closes the gap", () => {
    const members: RollupMember[] = [
      { kind: "classical", history: flatAxes(() => 3.5) },
      { kind: "classical", history: flatAxes(() => 3.5) },
      // LLM climbing a tenth of a point a fortnight from 2.5 to 3.0 now.
      { kind: "llm", history: flatAxes((d) => 3.0 - d / 140) },
      { kind: "agent", history: flatAxes((d) => 3.0 - d / 140) },
    ];
    const forecast = forecastRollup(members, options);
    expect(forecast.tracks.classical.evaluation).toMatchObject({ status: "not_improving", score: 3.5 });
    expect(forecast.tracks.llm.evaluation).toMatchObject({ status: "improving", level: 3 });
    const gap = forecast.gap.evaluation;
    expect(gap.status).toBe("closing");
    expect(gap.gap).toBeCloseTo(0.5, 10);
    // 0.45 to go (down to the 0.05 counted as closed) at 1/140 a day: 63 days.
    expect(Date.parse(gap.closesOn!.date)).toBeCloseTo(asOf + 63 * dayMs, -3);
  });

  it("says the gap is widening when the LLM track falls behind, and closed when it caught up", () => {
    const widening = forecastRollup(
      [
        { kind: "classical", history: flatAxes((d) => 3.5 - d / 200) },
        { kind: "llm", history: flatAxes(() => 2.5) },
      ],
      options,
    );
    expect(widening.gap.governance).toMatchObject({ status: "widening", closesOn: null });
    const closed = forecastRollup(
      [
        { kind: "classical", history: flatAxes(() => 3) },
        { kind: "llm", history: flatAxes(() => 3.2) },
      ],
      options,
    );
    expect(closed.gap.governance.status).toBe("closed");
  });

  it("has no track forecast for a track without systems, and no gap without both", () => {
    const forecast = forecastRollup([{ kind: "classical", history: flatAxes(() => 3) }], options);
    expect(forecast.tracks.llm.evaluation).toBeNull();
    expect(forecast.gap.evaluation).toMatchObject({ status: "not_enough_history", gap: null });
  });

  it("forecasts a system on every axis", () => {
    const forecast = forecastSystem(
      flatAxes(() => 2.5),
      options,
    );
    expect(Object.keys(forecast)).toEqual([...axes]);
  });
});
