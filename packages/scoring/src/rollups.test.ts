import { axes, catalogueIdentity, catalogueChangeOf, type MaturityEvent } from "@maturity/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreEvents } from "./score-events.ts";
import { rollupTracks } from "./rollups.ts";
import { deploy, event, register } from "./test/builders.ts";

const asOf = "2026-11-24T00:00:00.000Z";
const at = (days: number) => new Date(Date.parse(asOf) - days * 86_400_000).toISOString();

/** A system registered, updated, retired and (optionally) registered again, with some evidence. */
function lifecycle(systemId: string, team: string, reRegister: boolean): MaturityEvent[] {
  return [
    register(systemId, at(40), { team, kind: "llm", riskTier: "limited", name: `${systemId} v1` }),
    event("catalog.system.updated", systemId, at(30), { riskTier: "high", name: `${systemId} v2` }),
    event("catalog.system.retired", systemId, at(20), {}),
    ...(reRegister
      ? [register(systemId, at(10), { team: `${team}-again`, kind: "classical", name: `${systemId} v3` })]
      : []),
    deploy(systemId, at(35)),
    deploy(systemId, at(5)),
  ];
}

// Another, plainly active, system in each team, so the teams exist either way.
const steady = [
  register("steady-a", at(50), { team: "alpha", kind: "llm" }),
  deploy("steady-a", at(3)),
  register("steady-b", at(50), { team: "alpha-again", kind: "classical" }),
  deploy("steady-b", at(3)),
];

describe("retired systems in rollups", () => {
  it("rollupTracks counts no system flagged retired", () => {
    const scores = Object.fromEntries(axes.map((axis) => [axis, 2])) as Record<(typeof axes)[number], number>;
    const high = Object.fromEntries(axes.map((axis) => [axis, 5])) as typeof scores;
    const { tracks } = rollupTracks([
      { kind: "llm", scores },
      { kind: "llm", scores: high, retired: true },
    ]);
    expect(tracks.llm.evaluation).toBe(2);
    expect(rollupTracks([{ kind: "llm", scores: high, retired: true }]).tracks.llm.evaluation).toBeNull();
  });

  it("a retired system leaves team and org rollups; registered again it comes back, whatever the arrival order", () => {
    const retired = lifecycle("gone", "alpha", false);
    const back = lifecycle("back", "alpha", true);
    const expected = scoreEvents([...steady, ...retired, ...back], { asOf });
    const gone = expected.systems.find((system) => system.systemId === "gone")!;
    const returned = expected.systems.find((system) => system.systemId === "back")!;
    expect(gone).toMatchObject({ retired: true, name: "gone v2", riskTier: "high", risks: [] });
    expect(returned).toMatchObject({
      retired: false,
      name: "back v3",
      team: "alpha-again",
      kind: "classical",
    });
    // Only the active systems are counted: "alpha" has steady-a alone, "alpha-again" steady-b and back.
    expect(expected.teams.map((team) => [team.team, team.systemCount])).toEqual([
      ["alpha", 1],
      ["alpha-again", 2],
    ]);
    expect(expected.org.risks.some((risk) => risk.systemId === "gone")).toBe(false);
    // The identity is the catalogue's, by event time.
    const changes = retired.map(catalogueChangeOf).filter((change) => change !== undefined);
    expect(catalogueIdentity(changes, Date.parse(asOf))).toMatchObject({ retired: true, name: "gone v2" });

    const all = [...steady, ...retired, ...back];
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (order) => {
        // Every event delivered twice, the second time in reverse order.
        const report = scoreEvents([...order, ...[...order].reverse()], { asOf });
        expect(report).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});
