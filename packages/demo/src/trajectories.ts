// How a demo team moves over the history. A system's profile says where it ends; its team's
// trajectory says where it started and when it moved, so the score history shows climbs at
// different paces, a stall and a regression, and the forecasts have something to read.
import type { Axis } from "@maturity/model";
import type { Prng } from "./prng.ts";
import type { AxisLevels, Phase, Profile, Track } from "./profiles.ts";

export interface Trajectory {
  story: string;
  /**
   * Levels climbed over the history on the track's climbing axes (negative: levels lost on the
   * regressing axes), each step at a time drawn per system within `window` (fractions of the
   * history), so a team's systems move one after another rather than on one day.
   */
  steps: number;
  window: readonly [number, number];
}

export const trajectories = {
  typical: {
    story: "climbing one level over the history, at about the pace the maturity model calls typical",
    steps: 1,
    window: [0.1, 0.9],
  },
  fast: {
    story: "climbing two levels over the history, well ahead of the typical pace",
    steps: 2,
    window: [0.1, 0.85],
  },
  stalled: { story: "no movement over the history", steps: 0, window: [0, 1] },
  regressing: {
    story: "lost its evaluation gate and its canaries after a reorganisation",
    steps: -1,
    window: [0.3, 0.7],
  },
} as const satisfies Record<string, Trajectory>;

export type TrajectoryName = keyof typeof trajectories;

/**
 * The axes a climbing team moves on, per track: the LLM/agent systems work on evaluation and
 * observability (so that track closes the gap there), the classical systems on deployment and
 * governance (so the gap widens there); nobody moves reproducibility.
 */
export const climbingAxes: Record<Track, readonly Axis[]> = {
  classical: ["deployment", "governance"],
  llm: ["evaluation", "observability"],
};
export const regressingAxes: readonly Axis[] = ["evaluation", "deployment"];

/**
 * The teams' trajectories: one fast, one regressing, and of the rest two in three climbing at the
 * typical pace and the others stalled (at least one when there are four teams or more).
 */
export function assignTrajectories(teams: readonly string[], rng: Prng): Map<string, TrajectoryName> {
  const order = rng.shuffle([...teams]);
  const named: TrajectoryName[] = ["fast", "regressing", "stalled"];
  return new Map(
    order.map((team, i) => [
      team,
      teams.length < 4 ? "typical" : (named[i] ?? (i % 3 === 2 ? "stalled" : "typical")),
    ]),
  );
}

/** The profile moved along the trajectory: the same levels at the end, earlier ones before. */
export function followTrajectory(profile: Profile, name: TrajectoryName, track: Track, rng: Prng): Profile {
  const { steps, window } = trajectories[name];
  if (steps === 0) return profile;
  const stepAt = Array.from({ length: Math.abs(steps) }, () => rng.between(window[0], window[1])).sort(
    (a, b) => a - b,
  );
  const moving = steps > 0 ? climbingAxes[track] : regressingAxes;
  const froms = [...new Set([...profile.phases.map((phase) => phase.from), ...stepAt])].sort((a, b) => a - b);
  const phases: Phase[] = froms.map((from) => {
    const base = levelsAt(profile, from);
    // Steps still to come at `from`: a climb starts that many levels lower, a regression higher.
    const ahead = stepAt.filter((at) => at > from).length * Math.sign(steps);
    const levels = { ...base };
    for (const axis of moving) levels[axis] = Math.min(5, Math.max(1, base[axis] - ahead));
    return { from, levels };
  });
  return { ...profile, phases };
}

function levelsAt(profile: Profile, from: number): AxisLevels {
  let levels = profile.phases[0]!.levels;
  for (const phase of profile.phases) if (phase.from <= from) levels = phase.levels;
  return levels;
}
