// The upgrade order, paraphrased: the one investment that most often unlocks the next level.
export const upgradeSteps: Record<number, { title: string; advice: string }> = {
  1: {
    title: "Level 1 → 2",
    advice:
      "Put the whole team on a single experiment tracker and refuse notebooks as something you deploy. The habit is the hard part; the tooling is not.",
  },
  2: {
    title: "Level 2 → 3",
    advice:
      "Write an evaluation regression suite and make CI run it. This one investment lifts deploy frequency, regression detection and recovery time together.",
  },
  3: {
    title: "Level 3 → 4",
    advice:
      "Schedule GPU work through a real queue instead of first come, first served, and gate deploys with automatic rollback. Without both, more AI traffic means more instability.",
  },
  4: {
    title: "Level 4 → 5",
    advice:
      "Add the governance layer: a named owner, reviewed changes, risk assessments per material change and evidence an auditor can read. Dull, but it is what survives a regulator.",
  },
};

/** Foundations first: the weakest axis is where the next level has to start. */
export function nextStepFor(levels: readonly number[]): { title: string; advice: string } | null {
  if (levels.length === 0) return null;
  const lowest = Math.min(...levels);
  return upgradeSteps[lowest] ?? null;
}
