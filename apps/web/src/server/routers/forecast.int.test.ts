// The forecast router over the worker's score history, on both drivers. A small organisation is
// applied week by week through the real worker (applyBatch, then rescoreAll at the same clock), so
// score_history holds one row per change at each clock:
//
// - team alpha: `ranker` (classical) has owned its governance since week 0 (an owner and a change
//   review: level 3, flat) and has sat at observability level 2 (an infra monitor) since 342 days
//   before week 0, longer than the 9 months the 2 → 3 step usually takes; `assistant` and `copilot`
//   (LLM) publish a tool catalogue of 20 tools each week with 2 more allowlisted and owned: the
//   governance level-3 criterion "tool catalogue" gains 0.1 a week, the other (audit trail) stays at
//   0, so the axis score climbs 0.05 a week, 2.00 → 2.30 over six weeks;
// - team beta: `helpdesk` (LLM) goes the other way, 12 → 0 of 20 tools: 2.30 → 2.00.
import { suiteDatabase } from "@maturity/db/testing/suite";
import type { MaturityEvent } from "@maturity/model";
import { parseEvent } from "@maturity/model";
import { forecastSystem } from "@maturity/scoring";
import { applyBatch, rescoreAll } from "@maturity/worker";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../router.ts";
import { createCallerFactory, createInnerContext } from "../trpc.ts";
import { axisHistoryOf } from "./forecast-reads.ts";

const createCaller = createCallerFactory(appRouter);
const dayMs = 86_400_000;
const week0 = Date.parse("2026-09-01T12:00:00.000Z");
const weekAt = (week: number) => week0 + week * 7 * dayMs;
const iso = (ms: number) => new Date(ms).toISOString();
const longAgo = week0 - 342 * dayMs;
const lastWeek = 6;
const now = weekAt(lastWeek);

let serial = 0;
function event(type: string, subject: string, at: number, data: Record<string, unknown>): MaturityEvent {
  serial += 1;
  const parsed = parseEvent({
    specversion: "1.0",
    id: `forecast-int-${serial}`,
    source: "https://forecast.test.example",
    type,
    // A minute before the worker's clock: every event is in when it scores.
    time: iso(at - 60_000),
    subject,
    datacontenttype: "application/json",
    data,
  });
  if (!parsed.ok) throw new Error(`bad test event ${type}: ${JSON.stringify(parsed)}`);
  return parsed.event;
}

const registered = (subject: string, team: string, kind: string, at: number) =>
  event("catalog.system.registered", subject, at, {
    name: subject.charAt(0).toUpperCase() + subject.slice(1),
    team,
    kind,
    riskTier: "limited",
  });

/** A tool catalogue of 20 tools, `good` of them allowlisted and owned. */
const catalogue = (subject: string, at: number, good: number) =>
  event("llm.tool_catalog.updated", subject, at, {
    tools: Array.from({ length: 20 }, (_, index) =>
      index < good
        ? { name: `tool-${index}`, owner: "platform", allowlisted: true }
        : { name: `tool-${index}`, allowlisted: false },
    ),
  });

/** What the worker is given at each clock, oldest first. */
function batches(): { at: number; events: MaturityEvent[] }[] {
  const list = [
    {
      at: longAgo,
      events: [
        registered("ranker", "alpha", "classical", longAgo),
        event("gov.owner.assigned", "ranker", longAgo, { owner: "search-ml" }),
        event("monitor.configured", "ranker", longAgo, { signal: "infra", alerting: true }),
      ],
    },
  ];
  for (let week = 0; week <= lastWeek; week++) {
    const at = weekAt(week);
    const events: MaturityEvent[] = [];
    if (week === 0) {
      events.push(
        event("gov.change.reviewed", "ranker", at, {
          changeRef: "search/ranker#1",
          reviewer: "sam",
          approved: true,
        }),
      );
      for (const [subject, team] of [
        ["assistant", "alpha"],
        ["copilot", "alpha"],
        ["helpdesk", "beta"],
      ] as const) {
        events.push(
          registered(subject, team, "llm", at),
          event("gov.owner.assigned", subject, at, { owner: team }),
        );
      }
    }
    events.push(
      catalogue("assistant", at, 2 * week),
      catalogue("copilot", at, 2 * week),
      catalogue("helpdesk", at, 12 - 2 * week),
    );
    list.push({ at, events });
  }
  return list;
}

/** Within a minute of the expected instant. */
function expectNear(actual: string | null | undefined, expected: number) {
  expect(actual).toEqual(expect.any(String));
  expect(Math.abs(Date.parse(actual!) - expected)).toBeLessThan(60_000);
}

describe.each(["postgres", "pglite"] as const)("the forecast router (%s)", (driver) => {
  const store = suiteDatabase(driver);
  const caller = (minHistoryDays?: number) =>
    createCaller(
      createInnerContext({
        db: store().db,
        ...(minHistoryDays !== undefined && { forecastMinHistoryDays: minHistoryDays }),
      }),
    );
  /** The answers as they were at week 5, asked then (without asOf). */
  let atWeek5: {
    system: Awaited<ReturnType<ReturnType<typeof caller>["forecast"]["system"]>>;
    team: Awaited<ReturnType<ReturnType<typeof caller>["forecast"]["team"]>>;
    org: Awaited<ReturnType<ReturnType<typeof caller>["forecast"]["org"]>>;
  };

  beforeAll(async () => {
    let position = 0;
    for (const batch of batches()) {
      const records = batch.events.map((event) => ({
        key: event.subject,
        value: JSON.stringify(event),
        position: `p@${position++}`,
      }));
      const outcome = await applyBatch(store().db, records, batch.at);
      expect(outcome.rejected).toEqual([]);
      // The re-score timer, at the same clock: nothing ages out, but every report is as of now.
      await rescoreAll(store().db, batch.at);
      if (batch.at === weekAt(5)) {
        atWeek5 = {
          system: await caller().forecast.system({ systemId: "assistant" }),
          team: await caller().forecast.team({ team: "alpha" }),
          org: await caller().forecast.org(),
        };
      }
    }
  }, 120_000);

  it("forecasts a climbing system's next level on the date its slope gives, in the usual time", async () => {
    const result = await caller().forecast.system({ systemId: "assistant" });
    expect(result).toMatchObject({ asOf: iso(now), minHistoryDays: 28, systemId: "assistant" });
    const governance = result.forecast.governance;
    expect(governance).toMatchObject({
      status: "improving",
      level: 2,
      typical: { fromLevel: 2, toLevel: 3, minMonths: 6, maxMonths: 9, orMore: false },
      // Level 2 since its history began: how long it has been there is not known.
      levelSince: null,
      pace: null,
    });
    expect(governance.score).toBeCloseTo(2.3, 10);
    expect(governance.trend).toMatchObject({ samples: 7, from: iso(week0), to: iso(now) });
    expect(governance.trend!.slopePerWeek).toBeCloseTo(0.05, 10);
    // 0.70 to go at 0.05 a week: 14 weeks. A straight climb leaves no spread either way.
    const expected = now + 98 * dayMs;
    expectNear(governance.nextLevel?.date, expected);
    expectNear(governance.nextLevel?.earliest, expected);
    expectNear(governance.nextLevel?.latest, expected);
    // Nothing else of it moves: level 1, no step the model times, no trend.
    expect(result.forecast.deployment).toMatchObject({ status: "not_improving", level: 1, pace: null });
  });

  it("calls a flat system not improving, and behind once it has sat at a level longer than usual", async () => {
    const { forecast } = await caller().forecast.system({ systemId: "ranker" });
    expect(forecast.observability).toMatchObject({
      status: "not_improving",
      score: 2,
      level: 2,
      nextLevel: null,
      levelSince: null,
      // 384 days at level 2, the step takes 6–9 months.
      pace: "behind",
    });
    expect(forecast.observability.trend).toMatchObject({ slopePerWeek: 0, samples: 27 });
    // Its governance jumped to level 3 at week 0 and stayed: flat since, and not yet overdue.
    expect(forecast.governance).toMatchObject({
      status: "not_improving",
      score: 3,
      level: 3,
      levelSince: iso(week0),
      pace: null,
    });
    expect((await caller().forecast.system({ systemId: "helpdesk" })).forecast.governance.status).toBe(
      "declining",
    );
  });

  it("says there is not enough history under a longer minimum (MATURITY_FORECAST_MIN_HISTORY_DAYS)", async () => {
    const result = await caller(60).forecast.system({ systemId: "assistant" });
    expect(result.minHistoryDays).toBe(60);
    expect(result.forecast.governance).toMatchObject({
      status: "not_enough_history",
      trend: null,
      nextLevel: null,
    });
  });

  it("refuses a system without history", async () => {
    await expect(caller().forecast.system({ systemId: "no-such-system" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("closes the team's gap on the date the LLM systems' climb reaches the classical median", async () => {
    const result = await caller().forecast.team({ team: "alpha" });
    expect(result).toMatchObject({ asOf: iso(now), team: "alpha" });
    const { tracks, gap } = result.forecast;
    expect(tracks.llm.governance).toMatchObject({ status: "improving", level: 2 });
    expectNear(tracks.llm.governance!.nextLevel?.date, now + 98 * dayMs);
    expect(tracks.classical.governance).toMatchObject({ status: "not_improving", score: 3, level: 3 });
    expect(tracks.agent.governance).toBeNull();
    expect(gap.governance.status).toBe("closing");
    expect(gap.governance.gap).toBeCloseTo(0.7, 10);
    expect(gap.governance.trend!.slopePerWeek).toBeCloseTo(-0.05, 10);
    // 0.70 down to the 0.05 that counts as closed, at 0.05 a week: 13 weeks.
    expectNear(gap.governance.closesOn?.date, now + 91 * dayMs);
    // Classical 2, LLM 1 on observability all along; level with each other on the rest.
    expect(gap.observability).toMatchObject({ status: "steady", gap: 1, closesOn: null });
    expect(gap.reproducibility).toMatchObject({ status: "closed", gap: 0 });

    expect(result.systems.map((system) => [system.systemId, system.kind])).toEqual([
      ["assistant", "llm"],
      ["copilot", "llm"],
      ["ranker", "classical"],
    ]);
    const [assistant, , ranker] = result.systems;
    expect(assistant!.axes.governance).toMatchObject({ status: "improving", level: 2, pace: null });
    expectNear(assistant!.axes.governance.nextLevel?.date, now + 98 * dayMs);
    expect(ranker).toMatchObject({ name: "Ranker", behind: 1, declining: 0 });
    expect(ranker!.axes.observability).toMatchObject({ status: "not_improving", pace: "behind" });
  });

  it("gives the organisation's closing date, and ranks the teams furthest behind their forecast", async () => {
    const result = await caller().forecast.org();
    expect(result).toMatchObject({ asOf: iso(now), systems: 4, teamsBehindCount: 2 });
    // The LLM/agent median of assistant, copilot and helpdesk is the two climbing ones'.
    expect(result.forecast.gap.governance.status).toBe("closing");
    expectNear(result.forecast.gap.governance.closesOn?.date, now + 91 * dayMs);
    expectNear(result.forecast.tracks.llm.governance!.nextLevel?.date, now + 98 * dayMs);
    expect(result.teamsBehind).toEqual([
      {
        team: "alpha",
        systems: 3,
        flagged: 1,
        behind: 1,
        declining: 0,
        axes: [
          {
            systemId: "ranker",
            name: "Ranker",
            axis: "observability",
            status: "not_improving",
            pace: "behind",
          },
        ],
      },
      {
        team: "beta",
        systems: 1,
        flagged: 1,
        behind: 0,
        declining: 1,
        axes: [
          { systemId: "helpdesk", name: "Helpdesk", axis: "governance", status: "declining", pace: null },
        ],
      },
    ]);
    expect((await caller().forecast.org({ limit: 1 })).teamsBehind.map((team) => team.team)).toEqual([
      "alpha",
    ]);
  });

  it("as of a past date, answers what it answered then", async () => {
    const then = iso(weekAt(5));
    const system = await caller().forecast.system({ systemId: "assistant", asOf: then });
    expect(system).toEqual(atWeek5.system);
    expect(system.asOf).toBe(then);
    expect(system.forecast.governance.trend).toMatchObject({ samples: 6, to: then });
    expect(system.forecast.governance.score).toBeCloseTo(2.25, 10);
    expect(await caller().forecast.team({ team: "alpha", asOf: then })).toEqual(atWeek5.team);
    expect(await caller().forecast.org({ asOf: then })).toEqual(atWeek5.org);

    // And that is the pure forecast of the history recorded by then.
    const rows = (await caller().system.report({ systemId: "assistant" })).history;
    expect(system.forecast).toEqual(
      forecastSystem(axisHistoryOf(rows.filter((row) => Date.parse(row.at) <= weekAt(5))), {
        asOf: weekAt(5),
      }),
    );
    // A later instant than the newest scoring is as of the newest scoring.
    expect((await caller().forecast.system({ systemId: "assistant", asOf: iso(now + dayMs) })).asOf).toBe(
      iso(now),
    );
  });
});
