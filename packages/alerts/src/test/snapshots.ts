// Small snapshots for tests: two systems, one classical and high-risk, one LLM and limited-risk;
// each case changes only what it is about.
import { axes, type Axis, type Level, type TrackGap } from "@maturity/model";
import { alertRuleSchema, type AlertRule, type AlertRuleInput } from "../alerts-schema.ts";
import type {
  AlertSnapshot,
  CriterionSnapshot,
  RankedRisk,
  RollupSnapshot,
  SystemSnapshot,
} from "../snapshot.ts";

export const t0 = "2026-03-01T00:00:00.000Z";
export const hour = 60 * 60 * 1000;
export const day = 24 * hour;
export const at = (ms: number) => new Date(Date.parse(t0) + ms);
export const iso = (ms: number) => at(ms).toISOString();

export function levels(level: Level, overrides: Partial<Record<Axis, Level>> = {}): Record<Axis, Level> {
  return { ...(Object.fromEntries(axes.map((axis) => [axis, level])) as Record<Axis, Level>), ...overrides };
}

export function criterion(id: string, overrides: Partial<CriterionSnapshot> = {}): CriterionSnapshot {
  return {
    id,
    axis: id.split(".")[0] as Axis,
    status: "met",
    evidenceKind: "activity",
    evidence: ["evt-1", "evt-2"],
    evidenceCount: 2,
    ...overrides,
  };
}

export const fraud = (overrides: Partial<SystemSnapshot> = {}): SystemSnapshot => ({
  systemId: "fraud-scorer",
  name: "Fraud scorer",
  team: "payments",
  kind: "classical",
  riskTier: "high",
  levels: levels(3),
  criteria: [
    criterion("evaluation.l3.suite-in-ci"),
    criterion("governance.l2.named-owner", { evidenceKind: "state" }),
  ],
  waivers: [],
  ...overrides,
});

export const assistant = (overrides: Partial<SystemSnapshot> = {}): SystemSnapshot => ({
  systemId: "support-assistant",
  name: "Support assistant",
  team: "support",
  kind: "llm",
  riskTier: "limited",
  levels: levels(2),
  criteria: [criterion("evaluation.l3.suite-in-ci")],
  waivers: [],
  ...overrides,
});

export function gap(value: number | null, overrides: Partial<TrackGap> = {}): TrackGap {
  return { ...(Object.fromEntries(axes.map((axis) => [axis, value])) as TrackGap), ...overrides };
}

export function rollup(trackGap: TrackGap, history: RollupSnapshot["history"] = []): RollupSnapshot {
  const none = Object.fromEntries(axes.map((axis) => [axis, null])) as RollupSnapshot["tracks"]["classical"];
  return { tracks: { classical: none, llm: none, agent: none }, trackGap, history };
}

export function risk(id: string, overrides: Partial<RankedRisk> = {}): RankedRisk {
  return {
    id,
    kind: "axis_mismatch",
    systemId: "fraud-scorer",
    team: "payments",
    title: `Risk ${id}`,
    rank: 1,
    evidence: [`evidence-of-${id}`],
    ...overrides,
  };
}

export function snapshot(overrides: Partial<AlertSnapshot> = {}): AlertSnapshot {
  return {
    stateId: "state-1",
    asOf: t0,
    systems: [fraud(), assistant()],
    risks: [],
    rollups: { org: rollup(gap(0)), teams: {} },
    ...overrides,
  };
}

/** A rule as the file would give it: defaults applied, destinations filled in. */
export function rule(input: Partial<AlertRuleInput> & Pick<AlertRuleInput, "kind">): AlertRule {
  return alertRuleSchema.parse({ id: `${input.kind}-rule`, destinations: ["ops"], ...input });
}

/** `count` systems that each drop a level on evaluation, as one decision (for grouping and rendering). */
export function manyDrops(count: number, name = (i: number) => `System ${i}`) {
  const systems = Array.from({ length: count }, (_, i) =>
    fraud({ systemId: `system-${String(i).padStart(3, "0")}`, name: name(i) }),
  );
  return {
    before: snapshot({ systems }),
    after: snapshot({
      stateId: "state-2",
      systems: systems.map((s) => ({ ...s, levels: levels(3, { evaluation: 2 }) })),
    }),
  };
}
