// What activating a policy would do to today's scores, before anyone commits to it: every system
// scored under both policies, one system at a time, keeping only what differs.
import { axes, type Axis, type CriterionResult, type SystemKind, type SystemReport } from "@maturity/model";
import { scoreSystem, type QueueFacts, type SystemFacts } from "@maturity/scoring";
import type { ActivePolicy } from "./active-policy.ts";

export interface PreviewInput {
  /** Each system's facts; read once, in any order (a generator keeps memory flat). */
  systems: Iterable<{ facts: SystemFacts }>;
  /** The organisation's GPU queue facts. */
  queues: Record<string, QueueFacts>;
  asOf: string | number | Date;
  from: ActivePolicy;
  to: ActivePolicy;
  windowDays?: number;
  metricsWindowDays?: number;
  /** Called after each system with the number scored so far. */
  onProgress?: (done: number) => void;
}

export interface AxisChange {
  systemId: string;
  team: string;
  kind: SystemKind;
  axis: Axis;
  from: { level: number; score: number };
  to: { level: number; score: number };
}

/**
 * Per team and track (system kind): `up` counts the systems with at least one axis whose level
 * rises, `down` those with at least one axis whose level falls. A system with one axis up and
 * another down counts in both; score changes within a level count in neither.
 */
export interface TeamMovement {
  team: string;
  track: SystemKind;
  up: number;
  down: number;
}

/** A criterion and the number of systems whose status on it differs (absent counts as a status). */
export interface CriterionMovement {
  criterionId: string;
  systems: number;
}

export interface PolicyPreview {
  asOf: string;
  /** The rubricVersion reports carry now, and the one they would carry. */
  from: string;
  to: string;
  /** Axes whose level or score differ, sorted by system id, then axis in report order. */
  changes: AxisChange[];
  /** Teams and tracks with at least one system moving a level, sorted by team, then track. */
  teams: TeamMovement[];
  /** Criteria whose status differs for at least one system; most systems first, then by id. */
  criteria: CriterionMovement[];
}

/** Scores each system under both policies. Retired systems are left out, as they are of rollups. */
export function previewPolicy(input: PreviewInput): PolicyPreview {
  const asOf = asOfTime(input.asOf);
  const windows = { windowDays: input.windowDays, metricsWindowDays: input.metricsWindowDays };
  const fromOptions = { asOf, rubric: input.from.rubric, ...windows };
  const toOptions = { asOf, rubric: input.to.rubric, ...windows };
  const changes: AxisChange[] = [];
  const teams = new Map<string, TeamMovement>();
  const criteria = new Map<string, number>();
  let done = 0;
  for (const { facts } of input.systems) {
    const before = scoreSystem(facts, fromOptions, input.queues);
    const after = scoreSystem(facts, toOptions, input.queues);
    input.onProgress?.(++done);
    // Identity does not depend on the rubric: both are null, or both name the same system.
    if (before === null || after === null || after.retired) continue;
    let up = false;
    let down = false;
    for (const axis of axes) {
      const a = before.axes[axis];
      const b = after.axes[axis];
      if (a.level === b.level && a.score === b.score) continue;
      up ||= b.level > a.level;
      down ||= b.level < a.level;
      changes.push({
        systemId: after.systemId,
        team: after.team,
        kind: after.kind,
        axis,
        from: { level: a.level, score: a.score },
        to: { level: b.level, score: b.score },
      });
    }
    if (up || down) {
      const key = `${after.team}\u0000${after.kind}`;
      const movement = teams.get(key) ?? { team: after.team, track: after.kind, up: 0, down: 0 };
      if (up) movement.up++;
      if (down) movement.down++;
      teams.set(key, movement);
    }
    for (const id of changedCriteria(before, after)) criteria.set(id, (criteria.get(id) ?? 0) + 1);
  }
  const axisOrder = (axis: Axis) => axes.indexOf(axis);
  changes.sort((a, b) => compare(a.systemId, b.systemId) || axisOrder(a.axis) - axisOrder(b.axis));
  return {
    asOf: new Date(asOf).toISOString(),
    from: input.from.rubricVersion,
    to: input.to.rubricVersion,
    changes,
    teams: [...teams.values()].sort((a, b) => compare(a.team, b.team) || compare(a.track, b.track)),
    criteria: [...criteria]
      .map(([criterionId, systems]) => ({ criterionId, systems }))
      .sort((a, b) => b.systems - a.systems || compare(a.criterionId, b.criterionId)),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function asOfTime(asOf: string | number | Date): number {
  const time = typeof asOf === "number" ? asOf : typeof asOf === "string" ? Date.parse(asOf) : asOf.getTime();
  if (!Number.isFinite(time)) throw new RangeError(`asOf is not a valid time: ${String(asOf)}`);
  return time;
}

// The criteria whose status differs between the two reports of one system.
function changedCriteria(before: SystemReport, after: SystemReport): string[] {
  const statuses = (report: SystemReport) => {
    const byId = new Map<string, CriterionResult["status"]>();
    for (const axis of axes) for (const c of report.axes[axis].criteria) byId.set(c.id, c.status);
    return byId;
  };
  const a = statuses(before);
  const b = statuses(after);
  const ids = new Set([...a.keys(), ...b.keys()]);
  return [...ids].filter((id) => a.get(id) !== b.get(id));
}
