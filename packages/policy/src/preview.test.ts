import { axes, exampleEvents, type MaturityEvent } from "@maturity/model";
import { evolve, initialFacts, scoreOrg, type OrgFacts } from "@maturity/scoring";
import { describe, expect, it } from "vitest";
import type { ActivePolicy } from "./active-policy.ts";
import { mergePreviews } from "./merge-previews.ts";
import { previewPolicy } from "./preview.ts";
import { builtinPolicy } from "./read.ts";
import { bankAsOf, bankEvents } from "./test/bank-events.ts";
import { policyFrom } from "./test/policies.ts";

function factsOf(events: MaturityEvent[]): OrgFacts {
  const facts = initialFacts();
  for (const event of events) evolve(facts, event);
  return facts;
}

const bank = policyFrom(`waivers: { maxDays: 90 }
overrides:
  - { criterion: deployment.l2.weekly-deploys, appliesTo: [llm, agent] }
  - { criterion: deployment.l3.several-deploys-weekly, disabled: { reason: Changes wait for the twice-weekly board. } }
  - { criterion: evaluation.l2.results-recorded, threshold: 1 }
criteria:
  - id: deployment.l2.monthly-releases
    axis: deployment
    level: 2
    title: Monthly releases
    appliesTo: [classical]
    threshold: 0.2
    degree: { rule: cadence, of: productionDeploys, perWeek: 1 }
    evidence: activity
    regulations: [{ framework: NIST AI RMF, clause: MG 2.3 }]
    explanation: Share of weeks with a production release, met at one in five.
`);

const facts = factsOf([...bankEvents(), ...exampleEvents]);
const systems = () => Object.values(facts.systems).map((f) => ({ facts: f }));

// What the preview must agree with: the whole organisation scored under each policy separately.
function expectedFromScoring(from: ActivePolicy, to: ActivePolicy) {
  const before = scoreOrg(facts, { asOf: bankAsOf, rubric: from.rubric });
  const after = scoreOrg(facts, { asOf: bankAsOf, rubric: to.rubric });
  const changes = [];
  const criteria = new Map<string, number>();
  for (const b of after.systems.filter((s) => !s.retired)) {
    const a = before.systems.find((s) => s.systemId === b.systemId)!;
    for (const axis of axes) {
      const [x, y] = [a.axes[axis], b.axes[axis]];
      if (x.level !== y.level || x.score !== y.score)
        changes.push({
          systemId: b.systemId,
          team: b.team,
          kind: b.kind,
          axis,
          from: { level: x.level, score: x.score },
          to: { level: y.level, score: y.score },
        });
    }
    const status = (s: typeof a) =>
      new Map(axes.flatMap((axis) => s.axes[axis].criteria.map((c) => [c.id, c.status] as const)));
    const [sa, sb] = [status(a), status(b)];
    for (const id of new Set([...sa.keys(), ...sb.keys()]))
      if (sa.get(id) !== sb.get(id)) criteria.set(id, (criteria.get(id) ?? 0) + 1);
  }
  return { changes, criteria };
}

describe("previewPolicy", () => {
  const preview = previewPolicy({
    systems: systems(),
    queues: facts.queues,
    asOf: bankAsOf,
    from: builtinPolicy(),
    to: bank,
  });

  it("names the time and both rubric versions", () => {
    expect(preview).toMatchObject({
      asOf: bankAsOf,
      from: builtinPolicy().rubricVersion,
      to: bank.rubricVersion,
    });
  });

  it("agrees with scoring the organisation under each policy separately", () => {
    const expected = expectedFromScoring(builtinPolicy(), bank);
    expect(preview.changes).toEqual(expected.changes);
    expect(new Map(preview.criteria.map((c) => [c.criterionId, c.systems]))).toEqual(expected.criteria);
  });

  it("sees what the policy is for: monthly releases lift the batch model, a stricter threshold drops another", () => {
    expect(preview.changes).toContainEqual(
      expect.objectContaining({
        systemId: "credit-scorecard",
        axis: "deployment",
        from: { level: 1, score: 1.25 },
      }),
    );
    const evaluation = preview.changes.find((c) => c.systemId === "ops-agent" && c.axis === "evaluation");
    expect(evaluation!.to.level).toBeLessThan(evaluation!.from.level);
  });

  it("keeps only changes, sorted by system id then axis in report order", () => {
    for (const c of preview.changes) expect(c.from).not.toEqual(c.to);
    const order = preview.changes.map((c) => `${c.systemId}/${axes.indexOf(c.axis)}`);
    expect(order).toEqual([...order].sort());
  });

  it("counts per team and track the systems moving up or down a level on any axis", () => {
    const expected = new Map<string, { up: number; down: number }>();
    for (const systemId of new Set(preview.changes.map((c) => c.systemId))) {
      const mine = preview.changes.filter((c) => c.systemId === systemId);
      const up = mine.some((c) => c.to.level > c.from.level);
      const down = mine.some((c) => c.to.level < c.from.level);
      if (!up && !down) continue;
      const key = `${mine[0]!.team}/${mine[0]!.kind}`;
      const counts = expected.get(key) ?? { up: 0, down: 0 };
      expected.set(key, { up: counts.up + (up ? 1 : 0), down: counts.down + (down ? 1 : 0) });
    }
    expect(new Map(preview.teams.map((t) => [`${t.team}/${t.track}`, { up: t.up, down: t.down }]))).toEqual(
      expected,
    );
    expect(preview.teams).toContainEqual({ team: "operations", track: "agent", up: 1, down: 1 });
    const keys = preview.teams.map((t) => `${t.team}\u0000${t.track}`);
    expect(keys).toEqual([...keys].sort());
  });

  it("lists the criteria behind the changes, most systems first", () => {
    expect(preview.criteria.map((c) => c.criterionId)).toContain("deployment.l2.monthly-releases");
    expect(preview.criteria.map((c) => c.criterionId)).toContain("evaluation.l2.results-recorded");
    const counts = preview.criteria.map((c) => c.systems);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("merges previews of disjoint sets of systems into the preview of them all", () => {
    const all = systems().reverse();
    const whole = previewPolicy({
      systems: all,
      queues: facts.queues,
      asOf: bankAsOf,
      from: builtinPolicy(),
      to: bank,
    });
    const parts = [all.slice(0, 2), all.slice(2, 3), all.slice(3)].map((part) =>
      previewPolicy({ systems: part, queues: facts.queues, asOf: bankAsOf, from: builtinPolicy(), to: bank }),
    );
    expect(whole.changes.length).toBeGreaterThan(0);
    expect(mergePreviews(parts, Date.parse(bankAsOf), builtinPolicy(), bank)).toEqual(whole);
  });

  it("finds nothing between a policy and itself", () => {
    const same = previewPolicy({
      systems: systems(),
      queues: facts.queues,
      asOf: bankAsOf,
      from: bank,
      to: bank,
    });
    expect(same).toMatchObject({ changes: [], teams: [], criteria: [] });
  });

  it("reads systems once, one at a time, and reports progress", () => {
    const seen: number[] = [];
    function* once() {
      yield* systems();
    }
    previewPolicy({
      systems: once(),
      queues: facts.queues,
      asOf: bankAsOf,
      from: builtinPolicy(),
      to: bank,
      onProgress: (done) => seen.push(done),
    });
    expect(seen).toEqual(systems().map((_, i) => i + 1));
  });

  it("leaves out retired systems, as rollups do", () => {
    const retired = factsOf([
      ...bankEvents(),
      {
        specversion: "1.0",
        id: "retire-1",
        source: "https://tests.bank.example",
        type: "catalog.system.retired",
        time: "2026-05-01T00:00:00Z",
        subject: "ops-agent",
        data: {},
      },
    ]);
    const result = previewPolicy({
      systems: Object.values(retired.systems).map((f) => ({ facts: f })),
      queues: retired.queues,
      asOf: bankAsOf,
      from: builtinPolicy(),
      to: bank,
    });
    expect(result.changes.map((c) => c.systemId)).not.toContain("ops-agent");
    expect(result.changes.length).toBeGreaterThan(0);
  });

  it("passes its windows to scoring", () => {
    const narrow = previewPolicy({
      systems: systems(),
      queues: facts.queues,
      asOf: bankAsOf,
      from: builtinPolicy(),
      to: bank,
      windowDays: 14,
    });
    expect(narrow.changes).not.toEqual(preview.changes);
  });

  it("refuses a time that is not one", () => {
    expect(() =>
      previewPolicy({ systems: [], queues: {}, asOf: "yesterday", from: builtinPolicy(), to: bank }),
    ).toThrow(RangeError);
  });
});
