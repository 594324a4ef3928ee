// The organisation page's grouped, sorted, searched and paged reads (teams.summaries,
// teams.systems, org.riskPage) on both drivers, over a small demo organisation applied through the
// real worker. Each answer is checked against what the page's older reads say of the same store:
// the systems and levels of org.overview and the ranked risks of org.risks, grouped here in plain
// code, so a wrong count, median, order or page shows as a difference.
import { suiteDatabase } from "@maturity/db/testing/suite";
import { axes } from "@maturity/model";
import { beforeAll, describe, expect, it } from "vitest";
import { applyDemoOrganisation } from "../../../test/demo-organisation.ts";
import type { RouterInputs, RouterOutputs } from "../router.ts";
import { appRouter } from "../router.ts";
import { createCallerFactory, createInnerContext } from "../trpc.ts";

const createCaller = createCallerFactory(appRouter);
const end = Date.parse("2026-11-24T12:00:00.000Z");
const demo = { seed: 7, teams: 6, systems: 36, days: 30, llmCallsPerDay: 1, end };
const sorts = ["worst", "risk", "name"] as const;

type Caller = ReturnType<typeof createCaller>;
type OverviewSystem = RouterOutputs["org"]["overview"]["systems"][number];
type Risk = RouterOutputs["org"]["risks"][number];
type GroupInput = Omit<RouterInputs["teams"]["summaries"], "cursor">;
type TeamSummary = RouterOutputs["teams"]["summaries"]["teams"][number];
type TeamSystem = RouterOutputs["teams"]["systems"]["systems"][number];

/** Code-point order, as the database orders names (collation "C"). */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The lower median, as percentile_disc(0.5) picks it. */
function lowerMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1]!;
}

interface Expected {
  systems: OverviewSystem[];
  teams: Map<string, OverviewSystem[]>;
}

/** What the filter matches, grouped by team in plain code from the overview's systems. */
function expectedGroups(all: readonly OverviewSystem[], input: GroupInput): Expected {
  const needle = input.search?.trim().toLowerCase();
  const systems = all.filter(
    (system) =>
      (input.team === undefined || system.team === input.team) &&
      (input.systemKind === undefined || system.kind === input.systemKind) &&
      (input.riskTier === undefined || system.riskTier === input.riskTier) &&
      (!needle ||
        [system.team, system.name, system.systemId].some((text) => text.toLowerCase().includes(needle))),
  );
  const teams = new Map<string, OverviewSystem[]>();
  for (const system of systems) teams.set(system.team, [...(teams.get(system.team) ?? []), system]);
  return { systems, teams };
}

/** The highest rank among the risks a team's row may show (its matched systems', its own). */
function expectedTopRank(
  risks: readonly Risk[],
  team: string,
  members: readonly OverviewSystem[],
  input: GroupInput,
): number | null {
  const ids = new Set(members.map((system) => system.systemId));
  const needle = input.search?.trim().toLowerCase();
  const teamRisksCount =
    input.systemKind === undefined &&
    input.riskTier === undefined &&
    (!needle || team.toLowerCase().includes(needle));
  const ranks = risks
    .filter((risk) => input.kind === undefined || risk.kind === input.kind)
    .filter((risk) =>
      risk.systemId === undefined ? teamRisksCount && risk.team === team : ids.has(risk.systemId),
    )
    .map((risk) => risk.rank);
  return ranks.length === 0 ? null : Math.max(...ranks);
}

/** Every page of a paged read, following nextCursor from the first. */
async function allPages<Page extends { nextCursor: unknown }>(
  read: (cursor: NonNullable<Page["nextCursor"]> | undefined) => Promise<Page>,
): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: NonNullable<Page["nextCursor"]> | undefined;
  do {
    const page = await read(cursor);
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && pages.length < 200);
  return pages;
}

interface Ordered {
  /** What `worst` compares first and second. */
  weakest: [number, number];
  topRank: number | null;
  names: string[];
}

/** The order each sort promises, as a comparison of two listed rows. */
function orderOf<Row>(sort: (typeof sorts)[number], keys: (row: Row) => Ordered) {
  return (a: Row, b: Row) => {
    const [x, y] = [keys(a), keys(b)];
    if (sort === "worst") {
      if (x.weakest[0] !== y.weakest[0]) return x.weakest[0] - y.weakest[0];
      if (x.weakest[1] !== y.weakest[1]) return x.weakest[1] - y.weakest[1];
    }
    if (sort === "risk" && x.topRank !== y.topRank) return (y.topRank ?? -1) - (x.topRank ?? -1);
    for (const [index, name] of x.names.entries()) {
      const order = byName(name, y.names[index]!);
      if (order !== 0) return order;
    }
    return 0;
  };
}

/** A team's weakest axis: the lowest median level, then the lowest mean level. */
function teamKeys(team: TeamSummary): Ordered {
  const mean = (counts: readonly number[]) =>
    counts.reduce((sum, count, index) => sum + count * (index + 1), 0) /
    counts.reduce((sum, count) => sum + count, 0);
  return {
    weakest: [
      Math.min(...axes.map((axis) => team.axes[axis].median)),
      Math.min(...axes.map((axis) => mean(team.axes[axis].counts))),
    ],
    topRank: team.topRisk?.rank ?? null,
    names: [team.team],
  };
}

/** A system's weakest axis: its lowest level, then its lowest score. */
function systemKeys(system: TeamSystem): Ordered {
  return {
    weakest: [
      Math.min(...axes.map((axis) => system.axes[axis].level)),
      Math.min(...axes.map((axis) => system.axes[axis].score)),
    ],
    topRank: system.topRisk?.rank ?? null,
    names: [system.name, system.systemId],
  };
}

describe.each(["postgres", "pglite"] as const)("teams grouped, sorted, searched and paged (%s)", (driver) => {
  const store = suiteDatabase(driver);
  let caller: Caller;
  let overview: OverviewSystem[];
  let risks: Risk[];

  beforeAll(async () => {
    const db = store().db;
    await applyDemoOrganisation(db, demo);
    caller = createCaller(createInnerContext({ db }));
    overview = (await caller.org.overview()).systems;
    risks = await caller.org.risks({ limit: 1_000 });
  }, 180_000);

  it("the organisation has teams, levels and risks enough to tell the orders apart", () => {
    expect(new Set(overview.map((system) => system.team)).size).toBe(demo.teams);
    expect(overview).toHaveLength(demo.systems);
    const levels = new Set(overview.flatMap((system) => axes.map((axis) => system.axes[axis].level)));
    expect(levels.size).toBeGreaterThanOrEqual(3);
    expect(risks.filter((risk) => risk.systemId !== undefined).length).toBeGreaterThan(demo.teams);
  });

  it("summaries: one row per team, its systems counted per level on each axis, with worst, median and top risk", async () => {
    const { teams, totalTeams, totalSystems, nextCursor } = await caller.teams.summaries({ limit: 200 });
    const expected = expectedGroups(overview, {});
    expect(nextCursor).toBeNull();
    expect({ totalTeams, totalSystems }).toEqual({
      totalTeams: expected.teams.size,
      totalSystems: overview.length,
    });
    expect(teams.map((team) => team.team).sort()).toEqual([...expected.teams.keys()].sort());
    for (const team of teams) {
      const members = expected.teams.get(team.team)!;
      expect(team.systems).toBe(members.length);
      for (const axis of axes) {
        const levels = members.map((system) => system.axes[axis].level);
        expect(team.axes[axis], `${team.team} ${axis}`).toEqual({
          counts: [1, 2, 3, 4, 5].map((level) => levels.filter((value) => value === level).length),
          worst: Math.min(...levels),
          median: lowerMedian(levels),
        });
      }
      expect(team.topRisk?.rank ?? null).toBe(expectedTopRank(risks, team.team, members, {}));
      // The row's risk is one of the team's, as org.risks lists it.
      const { topRisk } = team;
      if (topRisk !== null) {
        expect(
          risks.some((risk) =>
            (["kind", "systemId", "team", "rank", "summary"] as const).every(
              (key) => risk[key] === topRisk[key],
            ),
          ),
        ).toBe(true);
      }
    }
  });

  it.each(sorts)("summaries sorted by %s: in the promised order, ties by name", async (sort) => {
    const { teams } = await caller.teams.summaries({ sort, limit: 200 });
    expect(teams.map((team) => team.team)).toEqual(
      [...teams].sort(orderOf(sort, teamKeys)).map((team) => team.team),
    );
    const others = await Promise.all(
      sorts
        .filter((other) => other !== sort)
        .map((other) => caller.teams.summaries({ sort: other, limit: 200 })),
    );
    // Each key orders the teams its own way (on this organisation no two orders coincide).
    for (const other of others)
      expect(other.teams.map((team) => team.team)).not.toEqual(teams.map((team) => team.team));
  });

  it.each(sorts)(
    "summaries paged (sorted by %s): pages of two follow on without gaps or repeats",
    async (sort) => {
      const whole = await caller.teams.summaries({ sort, limit: 200 });
      const pages = await allPages<RouterOutputs["teams"]["summaries"]>((cursor) =>
        caller.teams.summaries({ sort, limit: 2, cursor }),
      );
      expect(pages).toHaveLength(Math.ceil(demo.teams / 2));
      expect(pages.every((page) => page.teams.length <= 2)).toBe(true);
      expect(pages.at(-1)!.nextCursor).toBeNull();
      expect(pages.flatMap((page) => page.teams)).toEqual(whole.teams);
      expect(pages.every((page) => page.totalTeams === demo.teams)).toBe(true);
    },
  );

  it.each(sorts)(
    "a team's systems sorted by %s, paged by three: all of them, each with its levels and top risk",
    async (sort) => {
      const team = overview[0]!.team;
      const members = overview.filter((system) => system.team === team);
      const pages = await allPages<RouterOutputs["teams"]["systems"]>((cursor) =>
        caller.teams.systems({ sort, team, limit: 3, cursor }),
      );
      const listed = pages.flatMap((page) => page.systems);
      expect(pages.at(-1)!.nextCursor).toBeNull();
      expect(pages.every((page) => page.total === members.length)).toBe(true);
      expect(listed.map((system) => system.systemId).sort()).toEqual(
        members.map((system) => system.systemId).sort(),
      );
      expect(listed).toEqual([...listed].sort(orderOf(sort, systemKeys)));
      for (const system of listed) {
        const shown = members.find((member) => member.systemId === system.systemId)!;
        expect(system).toMatchObject({ name: shown.name, kind: shown.kind, riskTier: shown.riskTier });
        for (const axis of axes) {
          expect(system.axes[axis]).toEqual({ score: shown.axes[axis].score, level: shown.axes[axis].level });
        }
        const ranks = risks.filter((risk) => risk.systemId === system.systemId).map((risk) => risk.rank);
        expect(system.topRisk?.rank ?? null).toBe(ranks.length === 0 ? null : Math.max(...ranks));
      }
    },
  );

  it("search by part of a system's name: only the teams with a match, summarised over the matching systems", async () => {
    const target = overview[0]!;
    const fragment = target.name.slice(0, 5).toUpperCase(); // case does not matter
    const expected = expectedGroups(overview, { search: fragment });
    expect(expected.systems.length).toBeLessThan(overview.length);
    const { teams, totalSystems, totalTeams } = await caller.teams.summaries({
      search: fragment,
      limit: 200,
    });
    expect({ totalSystems, totalTeams }).toEqual({
      totalSystems: expected.systems.length,
      totalTeams: expected.teams.size,
    });
    for (const team of teams) {
      const members = expected.teams.get(team.team)!;
      expect(team.systems).toBe(members.length);
      expect(team.topRisk?.rank ?? null).toBe(
        expectedTopRank(risks, team.team, members, { search: fragment }),
      );
      const { systems } = await caller.teams.systems({ team: team.team, search: fragment, limit: 200 });
      expect(systems.map((system) => system.systemId).sort()).toEqual(
        members.map((system) => system.systemId).sort(),
      );
    }
    // By a system's id, exactly.
    const byId = await caller.teams.summaries({ search: ` ${target.systemId} `, limit: 200 });
    expect(byId.totalSystems).toBeGreaterThanOrEqual(1);
    expect(byId.teams.map((team) => team.team)).toContain(target.team);
  });

  it("search by a team's name: that team with all its systems; LIKE wildcards match only themselves", async () => {
    const team = [...new Set(overview.map((system) => system.team))].find(
      (name) => !overview.some((system) => system.team !== name && system.team.includes(name)),
    )!;
    const members = overview.filter((system) => system.team === team);
    const found = await caller.teams.summaries({ search: team, limit: 200 });
    const row = found.teams.find((candidate) => candidate.team === team)!;
    expect(row.systems).toBe(members.length);
    expect(row.topRisk?.rank ?? null).toBe(expectedTopRank(risks, team, members, { search: team }));
    expect((await caller.teams.systems({ team, search: team, limit: 200 })).total).toBe(members.length);

    for (const wildcard of ["%", "_", "\\"]) {
      expect((await caller.teams.summaries({ search: wildcard })).totalSystems, wildcard).toBe(0);
    }
    // A blank search is no search.
    expect((await caller.teams.summaries({ search: "  " })).totalSystems).toBe(overview.length);
  });

  it("the page's filters narrow what is summarised; a risk kind narrows which risk is the top one", async () => {
    for (const input of [
      { systemKind: "llm" },
      { riskTier: "high" },
      { team: overview[0]!.team },
      { kind: "axis_mismatch" },
    ] satisfies GroupInput[]) {
      const expected = expectedGroups(overview, input);
      const { teams, totalSystems } = await caller.teams.summaries({ ...input, limit: 200 });
      expect(totalSystems, JSON.stringify(input)).toBe(expected.systems.length);
      for (const team of teams) {
        const members = expected.teams.get(team.team)!;
        expect(team.systems).toBe(members.length);
        expect(team.topRisk?.rank ?? null, `${JSON.stringify(input)} ${team.team}`).toBe(
          expectedTopRank(risks, team.team, members, input),
        );
        if (input.kind !== undefined && team.topRisk !== null) expect(team.topRisk.kind).toBe(input.kind);
      }
    }
  });

  it("riskPage: the ranked risks a page at a time, the pages together the whole ranking, with its total", async () => {
    const pages = await allPages<RouterOutputs["org"]["riskPage"]>((cursor) =>
      caller.org.riskPage({ limit: 7, cursor }),
    );
    expect(pages.every((page) => page.total === risks.length && page.risks.length <= 7)).toBe(true);
    expect(pages).toHaveLength(Math.ceil(risks.length / 7));
    expect(pages.flatMap((page) => page.risks)).toEqual(risks);

    const team = risks[0]!.team;
    const ofTeam = await caller.org.riskPage({ team, limit: 100 });
    expect(ofTeam.risks).toEqual(risks.filter((risk) => risk.team === team));
    expect(ofTeam).toMatchObject({ total: ofTeam.risks.length, nextCursor: null });
  });

  it("refuses a sort or page size it does not know, saying which field", async () => {
    await expect(caller.teams.summaries({ sort: "size" as "name" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("sort"),
    });
    await expect(caller.teams.systems({ team: "x", limit: 10_000 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("limit"),
    });
  });
});
