// The continuous axis score of DESIGN §4 and the sequencing rule: no credit above the first level
// that is not consolidated; criteria met up there are "ahead of foundation".
import type { AxisScore, CriterionResult } from "@maturity/model";

export const maxLevel = 5;

/** Scores an axis from its criterion results (flagging `aheadOfFoundation` on them in place). */
export function scoreAxis(criteria: CriterionResult[]): AxisScore {
  const byLevel = (level: number) => criteria.filter((c) => c.level === level);
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
  const ahead: string[] = [];
  for (const c of criteria) {
    c.aheadOfFoundation = c.met && c.level > level + 1;
    if (c.aheadOfFoundation) ahead.push(c.id);
  }
  return {
    score: Math.min(maxLevel, level + fraction),
    level,
    criteria,
    aheadOfFoundation: ahead,
  };
}
