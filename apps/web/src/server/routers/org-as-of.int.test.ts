// The organisation as of a past date comes from the score history, not from re-folding every stored
// event. On a demo organisation applied week by week through the real worker (each batch, then the
// periodic re-score at the same clock), with a stricter policy activated half-way, the history's
// answer at several dates equals a full re-fold of the events up to that date under the policy in
// force then, system by system and axis by axis. Where the two cannot agree, evidence that arrived
// after the date about earlier times, the history shows what the platform knew then and the
// system's own view as of the date shows the evidence.
import path from "node:path";
import { eventsAsOf, rowsOf, sql } from "@maturity/db";
import { suiteDatabase } from "@maturity/db/testing/suite";
import { demoDefaults, organisationHistory, planOrganisation } from "@maturity/demo";
import type { Axis, MaturityEvent } from "@maturity/model";
import { axes } from "@maturity/model";
import { loadPolicyFile } from "@maturity/policy";
import { scoreEvents } from "@maturity/scoring";
import { activationEvent, applyBatch, rescoreAll } from "@maturity/worker";
import { beforeAll, describe, expect, it } from "vitest";
import { asRecords, testEvents } from "../../../test/test-events.ts";
import { appRouter } from "../router.ts";
import { createCallerFactory, createInnerContext } from "../trpc.ts";
import { policyAsOf } from "./policy-reads.ts";

const createCaller = createCallerFactory(appRouter);
const dayMs = 86_400_000;
const weeks = 8;
const end = Date.parse("2026-10-01T00:00:00.000Z");
const options = { ...demoDefaults, seed: 5, teams: 4, systems: 14, days: weeks * 7, llmCallsPerDay: 2, end };
const weekEnd = (week: number) => end - (weeks - week) * 7 * dayMs;
const iso = (ms: number) => new Date(ms).toISOString();
/** The week whose end the stricter policy is activated just before. */
const policyWeek = 4;
/** A system only this test registers, and the evidence about week 3 that reaches it at the end. */
const lateSystem = "late-evidence";
/** Retired in week 5 and registered again, in another team, in week 7. */
const returning = "comes-back";

async function stricterPolicyActivation(time: number): Promise<MaturityEvent> {
  const file = path.resolve(import.meta.dirname, "../../../../../examples/policies/regulated-bank.yaml");
  const loaded = await loadPolicyFile(file);
  if (!loaded.ok) throw new Error(`the example policy does not load: ${JSON.stringify(loaded)}`);
  return activationEvent(loaded.policy, { actor: "test", time: iso(time), previousEventId: null });
}

describe.each(["postgres", "pglite"] as const)("the organisation as of a past date (%s)", (driver) => {
  const store = suiteDatabase(driver);
  const caller = () => createCaller(createInnerContext({ db: store().db }));
  const event = testEvents(`org-as-of-${driver}`);
  /** The evidence about week 3 that arrives only after the history ends. */
  let lateId = "";

  beforeAll(async () => {
    const demo = [...organisationHistory(planOrganisation(options), options)] as unknown as MaturityEvent[];
    const all = [
      ...demo,
      event("catalog.system.registered", lateSystem, iso(weekEnd(0) - dayMs), {
        name: "Late evidence",
        team: "late",
        kind: "classical",
        riskTier: "limited",
      }),
      await stricterPolicyActivation(weekEnd(policyWeek) - dayMs),
      event("catalog.system.registered", returning, iso(weekEnd(0) - dayMs), {
        name: "Comes back",
        team: "alpha",
        kind: "llm",
        riskTier: "high",
      }),
      event("catalog.system.retired", returning, iso(weekEnd(5) - dayMs), {}),
      event("catalog.system.registered", returning, iso(weekEnd(7) - dayMs), {
        name: "Comes back",
        team: "beta",
        kind: "llm",
        riskTier: "high",
      }),
    ].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    let next = 0;
    // As the platform runs: each week's events applied with the clock at the week's end, then the
    // periodic re-score at that clock (the evidence window moves for systems without new events).
    for (let week = 0; week <= weeks; week++) {
      const clock = weekEnd(week);
      const batch: MaturityEvent[] = [];
      while (next < all.length && Date.parse(all[next]!.time) <= clock) batch.push(all[next++]!);
      for (let from = 0; from < batch.length; from += 500) {
        await applyBatch(store().db, asRecords(batch.slice(from, from + 500)), clock);
      }
      await rescoreAll(store().db, clock);
    }
    // Evidence about week 3 that reaches the platform only after the history ends.
    const late = event("gov.owner.assigned", lateSystem, iso(weekEnd(3) - dayMs), { owner: "late-ml" });
    lateId = late.id;
    await applyBatch(store().db, asRecords([late]), weekEnd(weeks) + dayMs);
  }, 240_000);

  it.each([1, 3, policyWeek - 1, policyWeek, 6, weeks])(
    "equals a full re-fold of the events up to the end of week %i, under the policy in force then",
    async (week) => {
      const at = iso(weekEnd(week));
      const fromHistory = await caller().org.overview({ asOf: at });
      const { rubric } = await policyAsOf(store().db, at);
      const events = (await eventsAsOf(store().db, at)).filter(
        // The late evidence was not there at the time; the re-fold below is of what had arrived.
        (e) => e.id !== lateId,
      );
      const refold = scoreEvents(events, { asOf: at, rubric });
      const expected = refold.systems
        .filter((system) => !system.retired)
        .map((system) => ({
          systemId: system.systemId,
          name: system.name,
          team: system.team,
          kind: system.kind,
          riskTier: system.riskTier,
          axes: Object.fromEntries(
            axes.map((axis) => [axis, { score: system.axes[axis].score, level: system.axes[axis].level }]),
          ),
        }));
      const actual = fromHistory.systems.map(({ axes: scores, ...system }) => ({
        ...system,
        axes: Object.fromEntries(
          axes.map((axis) => [axis, { score: scores[axis].score, level: scores[axis].level }]),
        ),
      }));
      expect(fromHistory.pointInTime).toBe(true);
      expect(actual.length).toBeGreaterThan(week === 0 ? 0 : 10);
      expect(actual).toEqual(expected);
    },
  );

  it("gives each past score its trend: the change since the organisation's view that many days before", async () => {
    const at = weekEnd(6);
    const trendDays = 14;
    const now = await caller().org.overview({ asOf: iso(at), trendDays });
    const before = await caller().org.overview({ asOf: iso(at - trendDays * dayMs) });
    const scoreBefore = new Map(
      before.systems.flatMap((system) =>
        axes.map((axis) => [`${system.systemId}/${axis}`, system.axes[axis].score]),
      ),
    );
    let moved = 0;
    for (const system of now.systems)
      for (const axis of axes) {
        const then = scoreBefore.get(`${system.systemId}/${axis}`);
        const expected = then === undefined ? null : Math.round((system.axes[axis].score - then) * 100) / 100;
        expect(system.axes[axis].trend, `${system.systemId} ${axis}`).toBe(expected);
        if (expected !== null && expected !== 0) moved += 1;
      }
    expect(moved).toBeGreaterThan(0);
  });

  it("narrows to one team's systems, now and as of a date, with that team's level counts", async () => {
    for (const asOf of [undefined, iso(weekEnd(6))]) {
      const whole = await caller().org.overview({ asOf });
      const team = whole.systems[0]!.team;
      const own = await caller().org.overview({ asOf, team });
      const members = whole.systems.filter((system) => system.team === team);
      expect(own.systems, `as of ${asOf}`).toEqual(members);
      for (const track of ["classical", "llm", "agent"] as const)
        for (const axis of axes) {
          const levels = members
            .filter((system) => system.kind === track)
            .map((system) => system.axes[axis].level);
          expect(own.levelCounts[track][axis], `${track} ${axis}`).toEqual(
            [1, 2, 3, 4, 5].map((level) => levels.filter((found) => found === level).length),
          );
        }
    }
    expect((await caller().org.overview({ team: "no-such-team" })).systems).toEqual([]);
  });

  it("names the biggest rises and worst drops of the overview's trends, of the organisation or one team", async () => {
    const trendsOf = (systems: readonly { axes: Record<Axis, { trend: number | null }> }[]) =>
      systems.flatMap((system) =>
        axes.flatMap((axis) => {
          const { trend } = system.axes[axis];
          return trend === null || trend === 0 ? [] : [trend];
        }),
      );
    const { systems } = await caller().org.overview({ trendDays: 30 });
    const trends = trendsOf(systems).sort((a, b) => b - a);
    expect(trends.length).toBeGreaterThan(3);
    const { rises, drops } = await caller().org.movers({ trendDays: 30, limit: 3 });
    expect(rises.map((move) => move.trend)).toEqual(trends.filter((trend) => trend > 0).slice(0, 3));
    expect(drops.map((move) => move.trend)).toEqual(
      trends
        .filter((trend) => trend < 0)
        .reverse()
        .slice(0, 3),
    );
    for (const move of [...rises, ...drops]) {
      const system = systems.find((candidate) => candidate.systemId === move.systemId)!;
      expect(move).toMatchObject({
        name: system.name,
        team: system.team,
        score: system.axes[move.axis].score,
      });
    }
    const team = [...rises, ...drops][0]!.team;
    const own = await caller().org.movers({ trendDays: 30, team, limit: 100 });
    expect([...own.rises, ...own.drops].every((move) => move.team === team)).toBe(true);
    expect(own.rises.length + own.drops.length).toBe(
      trendsOf(systems.filter((system) => system.team === team)).length,
    );
  });

  it("has scores that moved only because time passed (the periodic re-score's history rows) among those compared", async () => {
    const causes = rowsOf<{ cause: string; rows: number }>(
      await store().db.execute(sql`
        select cause, count(*)::int as rows from projections.score_history group by cause order by cause`),
    );
    expect(causes.find((row) => row.cause === "window")?.rows ?? 0).toBeGreaterThan(0);
    expect(causes.find((row) => row.cause === "policy")?.rows ?? 0).toBeGreaterThan(0);
  });

  it("leaves a system out of the map while it was retired, and shows it in its team then", async () => {
    const teamOf = async (week: number) =>
      (await caller().org.overview({ asOf: iso(weekEnd(week)) })).systems.find(
        (s) => s.systemId === returning,
      )?.team;
    expect([await teamOf(4), await teamOf(6), await teamOf(weeks)]).toEqual(["alpha", undefined, "beta"]);
  });

  it("uses the stricter policy's scores from its activation on, and the built-in's before", async () => {
    const before = await policyAsOf(store().db, iso(weekEnd(policyWeek - 1)));
    const after = await policyAsOf(store().db, iso(weekEnd(policyWeek)));
    expect(before.rubric.version).not.toBe(after.rubric.version);
  });

  it("shows evidence that arrived late in the system's own view of the date, not in the organisation's", async () => {
    const at = iso(weekEnd(3));
    const orgThen = (await caller().org.overview({ asOf: at })).systems.find(
      (s) => s.systemId === lateSystem,
    )!;
    const systemThen = await caller().system.report({ systemId: lateSystem, asOf: at });
    // What the platform had scored at the time: no owner yet.
    const { rubric } = await policyAsOf(store().db, at);
    const knownThen = scoreEvents(
      (await eventsAsOf(store().db, at)).filter((e) => e.id !== lateId),
      { asOf: at, rubric },
    ).systems.find((s) => s.systemId === lateSystem)!;
    expect(orgThen.axes.governance.score).toBe(knownThen.axes.governance.score);
    // The system's own view re-reads its events up to the date, the late one included.
    expect(systemThen.report.axes.governance.score).toBeGreaterThan(orgThen.axes.governance.score);
    // From its arrival on, the organisation's view has it too.
    const now = (await caller().org.overview({})).systems.find((s) => s.systemId === lateSystem)!;
    expect(now.axes.governance.score).toBe(systemThen.report.axes.governance.score);
  });
});
