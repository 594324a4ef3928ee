// The next upgrade, in the article's order: one dominant investment per level transition.
import type { Axis, AxisScore } from "@maturity/model";
import type { CriterionDefinition, Rubric } from "@maturity/model/rubric";
import { criterionById } from "../rubric-index.ts";

const upgradeByLevel: Record<number, string> = {
  1: "Experiment tracking (level 1→2): put the whole team on one experiment-tracking tool and stop accepting notebooks as deploy artefacts.",
  2: "Evaluation regression suite in CI (level 2→3): build a regression suite with quality gates and run it in CI for every release.",
  3: "GPU queueing and gated deploys (level 3→4): move GPU work onto a fair-share/priority queue with pre-emption, and gate deploys on evaluation with automatic rollback.",
  4: "Governance layer (level 4→5): named owners on call, change review, risk assessment per material change and an audit-ready evidence pipeline.",
  5: "Keep the evidence flowing: at level 5 the risk is evidence ageing out, not a missing practice.",
};

export function upgradeForLevel(level: number): string {
  return upgradeByLevel[Math.min(5, Math.max(1, Math.floor(level)))] as string;
}

/** The tier upgrade for the axis's level, plus the first criterion of the axis still to meet. */
export function nextUpgrade(axis: Axis, score: AxisScore, rubric: Rubric): string {
  const next = score.criteria.find((c) => c.level === score.level + 1 && !c.met);
  const criterion = next && criterionById(rubric, next.id);
  const step = criterion?.title ? stepText(axis, criterion) : "";
  return `${upgradeForLevel(score.level)}${step}`;
}

// The step depends only on the axis and the rubric's criterion: its text is built (flat) once per
// criterion and shared by every system's risks, not rebuilt for each.
const stepTexts = new WeakMap<CriterionDefinition, { axis: Axis; text: string }>();

function stepText(axis: Axis, criterion: CriterionDefinition): string {
  const known = stepTexts.get(criterion);
  if (known !== undefined && known.axis === axis) return known.text;
  const text = ` First step on ${axis}: ${lowerFirst(criterion.title)} (${criterion.id}).`;
  stepTexts.set(criterion, { axis, text });
  return text;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
