// Catalogue identity has one definition (packages/model): scoring, the systems read model and the
// portal's answers must agree on it whatever order the log delivered a system's catalogue changes
// in, on the real Postgres server and on PGlite. A retired system leaves the heat map and the
// rollups but stays readable, marked retired; registered again, it comes back.
import { listSystems } from "@maturity/db";
import { suiteDatabase, type Driver } from "@maturity/db/testing/suite";
import type { MaturityEvent, SystemReport } from "@maturity/model";
import { axes, catalogueChangeOf, catalogueIdentity, exampleEvents } from "@maturity/model";
import { scoreEvents } from "@maturity/scoring";
import { applyBatch, refreshRollups } from "@maturity/worker";
import { describe, expect, it } from "vitest";
import { appRouter } from "../router.ts";
import { createCallerFactory, createInnerContext } from "../trpc.ts";

const asOf = "2026-11-24T00:00:00.000Z";
const dayMs = 86_400_000;
const daysBefore = (days: number) => new Date(Date.parse(asOf) - days * dayMs).toISOString();
const createCaller = createCallerFactory(appRouter);

function make(
  systemId: string,
  name: string,
  type: MaturityEvent["type"],
  days: number,
  data?: Record<string, unknown>,
): MaturityEvent {
  const example = exampleEvents.find((candidate) => candidate.type === type)!;
  return {
    ...example,
    id: `${systemId}-${name}`,
    source: "test://catalogue-identity",
    time: daysBefore(days),
    subject: systemId,
    data: data ?? example.data,
  } as MaturityEvent;
}

/** Registered (team alpha), updated, retired and, with `reRegister`, registered again in team beta. */
function catalogueChanges(systemId: string, reRegister: boolean): MaturityEvent[] {
  const changes = [
    make(systemId, "reg", "catalog.system.registered", 40, {
      name: `${systemId} v1`,
      team: "alpha",
      kind: "llm",
      riskTier: "limited",
    }),
    make(systemId, "upd", "catalog.system.updated", 30, { name: `${systemId} v2`, riskTier: "high" }),
    make(systemId, "ret", "catalog.system.retired", 20, {}),
  ];
  if (reRegister)
    changes.push(
      make(systemId, "rereg", "catalog.system.registered", 10, {
        name: `${systemId} v3`,
        team: "beta",
        kind: "classical",
        riskTier: "minimal",
      }),
    );
  return changes;
}

const evidence = (systemId: string): MaturityEvent[] => [
  make(systemId, "run", "ci.pipeline.completed", 35),
  make(systemId, "deploy-early", "deploy.completed", 34),
  make(systemId, "deploy-late", "deploy.completed", 5),
];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

interface Arrival {
  systemId: string;
  retired: boolean;
  order: MaturityEvent[];
}

/** Each system gets the same lifecycle in another arrival order: every order of its catalogue changes. */
function arrivals(): Arrival[] {
  const systems: Arrival[] = [];
  for (const [prefix, reRegister] of [
    ["gone", false],
    ["back", true],
  ] as const) {
    permutations([0, 1, 2, ...(reRegister ? [3] : [])]).forEach((indexes, i) => {
      const systemId = `${prefix}-${String(i).padStart(2, "0")}`;
      const changes = catalogueChanges(systemId, reRegister);
      const order = indexes.map((index) => changes[index]!);
      order.splice(i % (order.length + 1), 0, ...evidence(systemId));
      systems.push({ systemId, retired: !reRegister, order });
    });
  }
  // An active system in team alpha, so the team outlives its retired members.
  systems.push({
    systemId: "steady",
    retired: false,
    order: [
      make("steady", "reg", "catalog.system.registered", 50, {
        name: "Steady",
        team: "alpha",
        kind: "llm",
        riskTier: "limited",
      }),
      ...evidence("steady"),
    ],
  });
  return systems;
}

describe.each<Driver>(["postgres", "pglite"])("catalogue identity across arrival orders (%s)", (driver) => {
  const database = suiteDatabase(driver);
  const systems = arrivals();
  const events = systems.flatMap((system) => system.order);
  const expected = scoreEvents(events, { asOf });
  const expectedOf = (systemId: string) => expected.systems.find((system) => system.systemId === systemId)!;
  const caller = () => createCaller(createInnerContext({ db: database().db }));

  it("the worker applies every order, each event delivered twice", async () => {
    // Batch k holds the k-th arrival of every system; then every event again, in reverse.
    const longest = Math.max(...systems.map((system) => system.order.length));
    const batches: MaturityEvent[][] = [];
    for (let k = 0; k < longest; k++) batches.push(systems.flatMap(({ order }) => order.slice(k, k + 1)));
    for (const batch of [...batches].reverse()) batches.push([...batch].reverse());
    let applied = 0;
    for (const [b, batch] of batches.entries()) {
      const records = batch.map((event, i) => ({
        key: event.subject,
        value: JSON.stringify(event),
        position: `c@${b}.${i}`,
      }));
      applied += (await applyBatch(database().db, records, Date.parse(asOf))).applied;
    }
    expect(applied).toBe(events.length);
    await refreshRollups(database().db, Date.parse(asOf));
  });

  it("scoring: the same identity for every order, by event time", () => {
    for (const { systemId, retired } of systems) {
      const report = expectedOf(systemId);
      expect(report.retired, systemId).toBe(retired);
      const first = expectedOf(retired ? "gone-00" : systemId === "steady" ? "steady" : "back-00");
      // Every order gives the same report but for the names (and event ids) that carry the system's id.
      expect({ ...comparable(report), systemId: "", name: "" }, systemId).toEqual({
        ...comparable(first),
        systemId: "",
        name: "",
      });
    }
    expect(expectedOf("gone-03")).toMatchObject({ name: "gone-03 v2", team: "alpha", riskTier: "high" });
    expect(expectedOf("back-17")).toMatchObject({ name: "back-17 v3", team: "beta", kind: "classical" });
  });

  it("the systems read model agrees with scoring", async () => {
    const rows = new Map((await listSystems(database().db)).map((row) => [row.systemId, row]));
    const listed = await caller().systems.list();
    expect(listed).toEqual([...rows.values()]);
    for (const { systemId, order } of systems) {
      const report = expectedOf(systemId);
      const row = rows.get(systemId)!;
      expect(
        {
          name: row.name,
          team: row.team,
          kind: row.kind,
          riskTier: row.riskTier,
          retired: row.retiredAt !== null,
        },
        systemId,
      ).toEqual({
        name: report.name,
        team: report.team,
        kind: report.kind,
        riskTier: report.riskTier,
        retired: report.retired,
      });
      const identity = catalogueIdentity(
        order.map(catalogueChangeOf).filter((change) => change !== undefined),
      );
      expect(row.retiredAt).toBe(
        identity.retiredAt === null ? null : new Date(identity.retiredAt).toISOString(),
      );
      expect(row.eventCount).toBe(order.length);
    }
  });

  it("the portal: retired systems leave the heat map and the rollups, and stay readable, marked retired", async () => {
    const overview = await caller().org.overview();
    const active = expected.systems.filter((system) => !system.retired);
    expect(overview.systems.map((system) => system.systemId).sort()).toEqual(
      active.map((system) => system.systemId).sort(),
    );
    expect(overview.systems.some((system) => system.systemId.startsWith("gone-"))).toBe(false);
    expect(overview.systems.filter((system) => system.systemId.startsWith("back-"))).toHaveLength(24);
    for (const system of overview.systems) {
      const report = expectedOf(system.systemId);
      expect([system.name, system.team, system.kind, system.riskTier]).toEqual([
        report.name,
        report.team,
        report.kind,
        report.riskTier,
      ]);
      for (const axis of axes) expect(system.axes[axis].score).toBe(report.axes[axis].score);
    }

    const rollups = await caller().teams.rollups();
    expect(rollups.map((row) => [row.scope, row.systemCount])).toEqual([
      ["org", active.length],
      ["team:alpha", 1],
      ["team:beta", 24],
    ]);
    for (const team of expected.teams) {
      const row = rollups.find((candidate) => candidate.scope === `team:${team.team}`)!;
      expect({ tracks: row.tracks, trackGap: row.trackGap }).toEqual({
        tracks: team.tracks,
        trackGap: team.trackGap,
      });
    }
    const org = rollups.find((row) => row.scope === "org")!;
    expect({ tracks: org.tracks, trackGap: org.trackGap }).toEqual({
      tracks: expected.org.tracks,
      trackGap: expected.org.trackGap,
    });
    const risks = await caller().org.risks({ limit: 1_000 });
    expect(risks.some((risk) => risk.systemId?.startsWith("gone-"))).toBe(false);

    // A retired system's page still answers: its report (marked retired), history and evidence.
    for (const systemId of ["gone-00", "gone-05"]) {
      const page = await caller().system.report({ systemId });
      expect(comparable(page.report)).toEqual(comparable(expectedOf(systemId)));
      expect(page.report.retired).toBe(true);
      expect(page.history.length).toBeGreaterThan(0);
      const criterion = axes
        .flatMap((axis) => page.report.axes[axis].criteria)
        .find((candidate) => candidate.evidence.length > 0)!;
      const shown = await caller().system.evidence({ systemId, criterionId: criterion.id });
      expect(shown.map((event) => event.id).sort()).toEqual([...new Set(criterion.evidence)].sort());
    }
    for (const systemId of ["back-00", "back-23", "steady"]) {
      const page = await caller().system.report({ systemId });
      expect(comparable(page.report)).toEqual(comparable(expectedOf(systemId)));
    }
  });

  it("as of a past day: each system's page shows it as it was then, retired or back", async () => {
    for (const days of [25, 15, 8]) {
      const at = daysBefore(days);
      const then = scoreEvents(events, { asOf: at });
      for (const systemId of ["back-07", "gone-02"]) {
        const page = await caller().system.report({ systemId, asOf: at });
        const past = then.systems.find((system) => system.systemId === systemId)!;
        expect(comparable(page.report), `${systemId} at ${at}`).toEqual(comparable(past));
      }
      // The organisation's map as of a past day is what the platform had scored by then: every
      // event here arrived in batches at one clock, so nothing yet (org-as-of.int.test.ts has the
      // map of an organisation applied over time, retirements included).
      expect((await caller().org.overview({ asOf: at })).systems, at).toEqual([]);
    }
  });
});

/** What scoring, the worker and the portal must agree on: identity and scores. */
function comparable(report: SystemReport) {
  return {
    systemId: report.systemId,
    name: report.name,
    team: report.team,
    kind: report.kind,
    riskTier: report.riskTier,
    registered: report.registered,
    retired: report.retired,
    scores: axes.map((axis) => report.axes[axis].score),
  };
}
