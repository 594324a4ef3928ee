import { rubric } from "@maturity/model/rubric";
import { readFileSync } from "node:fs";
import type { DatabaseHandle } from "@maturity/db";
import { openDatabase } from "@maturity/db";
import type { MaturityEvent, ScoreReport } from "@maturity/model";
import { axes, parseEvent } from "@maturity/model";
import { scoreEvents } from "@maturity/scoring";
import { applyBatch, refreshRollups } from "@maturity/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../router.ts";
import { createCallerFactory, createInnerContext } from "../trpc.ts";

const asOf = "2026-11-24T00:00:00.000Z";
const createCaller = createCallerFactory(appRouter);
const events: MaturityEvent[] = readFileSync(
  new URL("../../../../cli/examples/scenarios.ndjson", import.meta.url),
  "utf8",
)
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => {
    const parsed = parseEvent(JSON.parse(line));
    if (!parsed.ok) throw new Error("bad example line");
    return parsed.event;
  });

describe("the portal's tRPC API over the worker's projections (embedded PGlite)", () => {
  let store: DatabaseHandle;
  let caller: ReturnType<typeof createCaller>;
  let expected: ScoreReport;

  beforeAll(async () => {
    store = await openDatabase({ inMemory: true });
    const records = events.map((event, index) => ({
      key: event.subject,
      value: JSON.stringify(event),
      position: `p@${index}`,
    }));
    await applyBatch(store.db, records, Date.parse(asOf));
    await refreshRollups(store.db, Date.parse(asOf));
    caller = createCaller(createInnerContext({ db: store.db }));
    // The same organisation scored by the pure engine, independently of the database.
    expected = scoreEvents(events, { asOf });
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it("overview: every system × axis with the scores the engine computes, and the level counts", async () => {
    const overview = await caller.org.overview();
    expect(overview.asOf).toBe(asOf);
    const active = expected.systems.filter((system) => !system.retired);
    expect(overview.systems.map((system) => system.systemId).sort()).toEqual(
      active.map((system) => system.systemId).sort(),
    );
    for (const system of active) {
      const shown = overview.systems.find((candidate) => candidate.systemId === system.systemId)!;
      for (const axis of axes) {
        expect(shown.axes[axis]).toMatchObject({
          score: system.axes[axis].score,
          level: system.axes[axis].level,
        });
      }
    }
    for (const track of ["classical", "llm", "agent"] as const) {
      const members = active.filter((system) => system.kind === track).length;
      for (const axis of axes) {
        expect(overview.levelCounts[track][axis].reduce((sum, count) => sum + count, 0)).toBe(members);
      }
    }
  });

  it("risks: highest rank first, and every filter narrows to what it names", async () => {
    const all = await caller.org.risks({});
    expect(all.length).toBe(expected.org.risks.length);
    expect(all.map((risk) => risk.rank)).toEqual([...all.map((risk) => risk.rank)].sort((a, b) => b - a));
    expect(all[0]).toMatchObject({
      kind: expected.org.risks[0]!.kind,
      systemId: expected.org.risks[0]!.systemId,
    });
    const team = all[0]!.team;
    const ofTeam = await caller.org.risks({ team });
    expect(ofTeam.length).toBeGreaterThan(0);
    expect(ofTeam.every((risk) => risk.team === team)).toBe(true);
    const llmRisks = await caller.org.risks({ systemKind: "llm" });
    const llmSystems = new Set(
      expected.systems.filter((system) => system.kind === "llm").map((system) => system.systemId),
    );
    expect(llmRisks.every((risk) => risk.systemId !== undefined && llmSystems.has(risk.systemId))).toBe(true);
    expect((await caller.org.risks({ kind: "track_gap" })).every((risk) => risk.kind === "track_gap")).toBe(
      true,
    );
  });

  it("teams: the rollups of the engine per team and for the organisation", async () => {
    const rollups = await caller.teams.rollups();
    const org = rollups.find((row) => row.scope === "org")!;
    expect(org.trackGap).toEqual(expected.org.trackGap);
    for (const team of expected.teams) {
      expect(rollups.find((row) => row.scope === `team:${team.team}`)?.tracks).toEqual(team.tracks);
    }
  });

  it("system: the stored report, and the same system recomputed as of an earlier date", async () => {
    const target = expected.systems[0]!;
    const current = await caller.system.report({ systemId: target.systemId });
    expect(current.pointInTime).toBe(false);
    expect(current.report.axes).toEqual(target.axes);
    expect(current.history.length).toBeGreaterThan(0);

    const now = await caller.system.report({ systemId: target.systemId, asOf });
    expect(now.report.axes).toEqual(target.axes);

    const earlier = "2026-09-01T00:00:00.000Z";
    const then = await caller.system.report({ systemId: target.systemId, asOf: earlier });
    const expectedThen = scoreEvents(events, { asOf: earlier }).systems.find(
      (system) => system.systemId === target.systemId,
    )!;
    expect(then.pointInTime).toBe(true);
    expect(then.report.axes).toEqual(expectedThen.axes);
    expect(then.history.every((row) => Date.parse(row.at) <= Date.parse(earlier))).toBe(true);
  });

  it("evidence: the stored events behind a criterion; unknown systems are NOT_FOUND", async () => {
    const target = expected.systems[0]!;
    const criterion = axes
      .flatMap((axis) => target.axes[axis].criteria)
      .find((candidate) => candidate.evidence.length > 0)!;
    const evidence = await caller.system.evidence({ systemId: target.systemId, criterionId: criterion.id });
    expect(evidence.map((event) => event.id).sort()).toEqual([...new Set(criterion.evidence)].sort());
    // As of an earlier date: the evidence that counted then, from the report recomputed for it.
    const earlier = "2026-09-01T00:00:00.000Z";
    const then = scoreEvents(events, { asOf: earlier }).systems.find(
      (system) => system.systemId === target.systemId,
    )!;
    const criterionThen = axes
      .flatMap((axis) => then.axes[axis].criteria)
      .find((candidate) => candidate.evidence.length > 0)!;
    const evidenceThen = await caller.system.evidence({
      systemId: target.systemId,
      criterionId: criterionThen.id,
      asOf: earlier,
    });
    expect(evidenceThen.map((event) => event.id).sort()).toEqual([...new Set(criterionThen.evidence)].sort());
    expect(evidenceThen.every((event) => Date.parse(event.time) <= Date.parse(earlier))).toBe(true);
    await expect(caller.system.report({ systemId: "no-such-system" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("executive series: the classical vs LLM gap per axis over time, for the org and per team", async () => {
    const series = await caller.org.executiveSeries({ weeks: 4 });
    expect(series.points).toHaveLength(4);
    // The history starts at the one batch's clock: earlier weeks know nothing yet.
    expect(Object.values(series.points[0]!.gap).every((value) => value === null)).toBe(true);
    expect(series.points.at(-1)!.at).toBe(asOf);
    expect(series.points.at(-1)!.gap).toEqual(expected.org.trackGap);
    expect(series.points.at(-1)!.classical).toEqual(expected.org.tracks.classical);
    for (const team of expected.teams) {
      const ofTeam = await caller.org.executiveSeries({ weeks: 1, team: team.team });
      expect(ofTeam.points.at(-1)!.gap).toEqual(team.trackGap);
    }
  });

  it("overview as of a date: what the platform had scored by then, from the score history", async () => {
    // Every event arrived in one batch at `asOf`: before it the platform had scored nothing (a
    // backfill's past shows on each system's own page as of the date instead).
    const earlier = "2026-09-01T00:00:00.000Z";
    const then = await caller.org.overview({ asOf: earlier, trendDays: 30 });
    expect(then.pointInTime).toBe(true);
    expect(then.asOf).toBe(earlier);
    expect(then.systems).toEqual([]);
    const page = await caller.system.report({ systemId: expected.systems[0]!.systemId, asOf: earlier });
    expect(page.report.axes).toEqual(scoreEvents(events, { asOf: earlier }).systems[0]!.axes);
    // At the batch's clock the history holds every score the worker wrote: the current map.
    const atBatch = await caller.org.overview({ asOf, trendDays: 30 });
    const current = await caller.org.overview({ trendDays: 30 });
    expect(atBatch.systems).toEqual(current.systems);
    expect(atBatch.levelCounts).toEqual(current.levelCounts);
  });

  it("system report: each criterion with how to meet it and the regulation clauses it supports", async () => {
    const target = expected.systems[0]!;
    const { guide, rubricVersion } = await caller.system.report({ systemId: target.systemId });
    expect(rubricVersion).toBe(rubric.version);
    for (const criterion of axes.flatMap((axis) => target.axes[axis].criteria)) {
      const definition = rubric.criteria.find((candidate) => candidate.id === criterion.id)!;
      expect(guide[criterion.id]).toEqual(
        expect.objectContaining({ explanation: definition.explanation, regulations: definition.regulations }),
      );
    }
  });

  it("auth: the local admin when sign-on is off; no identity means UNAUTHORIZED, a viewer can't map", async () => {
    expect(await caller.auth.me()).toMatchObject({ via: "local", roles: expect.arrayContaining(["admin"]) });
    const anonymous = createCaller(createInnerContext({ db: store.db, viewer: null, refusal: "sign in" }));
    await expect(anonymous.org.overview()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: "sign in",
    });
    const viewer = createCaller(
      createInnerContext({ db: store.db, viewer: { id: "v", name: "v", roles: ["viewer"], via: "token" } }),
    );
    expect((await viewer.org.risks({})).length).toBeGreaterThan(0);
    await expect(viewer.sources.map({ ref: "repo:x/y", systemId: "s" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
