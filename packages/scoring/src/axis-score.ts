// The continuous axis score of DESIGN §4 and the sequencing rule: no credit above the first level
// that is not consolidated; criteria met up there are "ahead of foundation".
import type { AxisScore, CriterionResult } from "@maturity/model";
import type { CriterionOutcome } from "./criteria/evaluate.ts";

export const maxLevel = 5;

export function scoreAxis(outcomes: readonly CriterionOutcome[]): AxisScore {
  const byLevel = (level: number) => outcomes.filter((c) => c.level === level);
  let consolidated = 0;
  let fraction = 0;
  for (let level = 2; level <= maxLevel; level++) {
    const criteria = byLevel(level);
    // A level without applicable criteria asks nothing of this kind of system.
    if (criteria.every((c) => c.met)) {
      consolidated += 1;
      continue;
    }
    fraction = criteria.reduce((sum, c) => sum + c.degree, 0) / criteria.length;
    break;
  }
  const level = 1 + consolidated;
  const criteria: CriterionResult[] = outcomes.map(({ staleEvidence: _stale, ...c }) => ({
    ...c,
    aheadOfFoundation: c.met && c.level > level + 1,
  }));
  return {
    score: Math.min(maxLevel, level + fraction),
    level,
    criteria,
    aheadOfFoundation: criteria.filter((c) => c.aheadOfFoundation).map((c) => c.id),
  };
}
