// The continuous axis score (docs/score-report.md#scores) and the sequencing rule: no credit above
// the first level that is not consolidated; criteria met up there are "ahead of foundation".
import type { AxisScore, CriterionResult } from "@maturity/model";

export const maxLevel = 5;

const noneAhead: string[] = [];

/** Scores an axis from its criterion results (flagging `aheadOfFoundation` on them in place). */
export function scoreAxis(criteria: CriterionResult[]): AxisScore {
  let consolidated = 0;
  let fraction = 0;
  // One pass per level over the axis's few criteria, summing in their order (no filtered copies).
  for (let level = 2; level <= maxLevel; level++) {
    let count = 0;
    let met = 0;
    let degrees = 0;
    for (const c of criteria) {
      if (c.level !== level) continue;
      count += 1;
      if (c.met) met += 1;
      degrees += c.degree;
    }
    // A level without applicable criteria asks nothing of this kind of system.
    if (met === count) {
      consolidated += 1;
      continue;
    }
    fraction = degrees / count;
    break;
  }
  const level = 1 + consolidated;
  // Most axes have nothing ahead: they share one empty list (read-only) in the report.
  let ahead = noneAhead;
  for (const c of criteria) {
    const isAhead = c.met && c.level > level + 1;
    // Written only when true: a shared no-data result (never met) is left untouched.
    if (isAhead || c.aheadOfFoundation) c.aheadOfFoundation = isAhead;
    if (isAhead) (ahead === noneAhead ? (ahead = []) : ahead).push(c.id);
  }
  return {
    score: Math.min(maxLevel, level + fraction),
    level,
    criteria,
    aheadOfFoundation: ahead,
  };
}
