// Interprets a rubric degree rule over a system's population views: degree in [0, 1], whether
// there was any evidence at all, and the events looked at. Rules walk records newest first in a
// single pass, collecting evidence as they go (scoring 10,000 systems must stay well under a second).
import type { DegreeRule, EvidenceKind, LeafRule } from "@maturity/model/rubric";
import { dayMs, weekMs } from "../time.ts";
import type { PopulationViews } from "../views/populations.ts";
import { rowAt, viewSize } from "../views/view.ts";
import type { Evidence, EvidenceCollector } from "./evidence.ts";
import { ruleMetric } from "./metric-rule.ts";
import { rowMatcher } from "./where.ts";
import type { WholeViews } from "./whole-view.ts";

export interface DegreeResult {
  degree: number;
  /** False when nothing was observed: the criterion is no_data, not unmet. */
  hasData: boolean;
  evidence: Evidence;
}

// No evidence: the collector's empty result, one per system scored (see EvidenceCollector.result).
const noData = (input: DegreeInput): DegreeResult => ({
  degree: 0,
  hasData: false,
  evidence: input.evidence.reset().result(),
});

// Below the bound, a metric rule still reports how close it comes, but never 1.
const nearlyOne = 0.99;

export interface DegreeInput {
  views: PopulationViews;
  /**
   * Start of the system's life, for cadence rules on young systems; for a system older than the
   * longest window its criteria are judged over, any time a day or more before that window's start.
   */
  since: number;
  windowDays: number;
  /** Reused by every rule in turn: results are copied out of it (`result`) before the next. */
  evidence: EvidenceCollector;
  /** Per view, every row as evidence: shared by the rules without `where`. */
  whole: WholeViews;
}

export function evaluateDegree(rule: DegreeRule, input: DegreeInput, scope: EvidenceKind): DegreeResult {
  if (rule.rule !== "all") return evaluateLeaf(rule, input, scope);
  const parts = rule.rules.map((part) => evaluateLeaf(part, input, scope));
  if (parts.every((p) => !p.hasData)) return noData(input);
  const evidence = input.evidence.reset();
  for (const p of parts) evidence.addIds([...p.evidence.ids].reverse());
  return { degree: Math.min(...parts.map((p) => p.degree)), hasData: true, evidence: evidence.result() };
}

function evaluateLeaf(rule: LeafRule, input: DegreeInput, scope: EvidenceKind): DegreeResult {
  const { views } = input;
  switch (rule.rule) {
    case "share": {
      if (rule.where === undefined) return shareOfWhole(rule, input, scope);
      const view = views.get(rule.of, scope);
      const { id, t, weight } = view.cols;
      const inScope = rowMatcher(rule.where, view.cols);
      const holds = rowMatcher(rule.that, view.cols);
      const evidence = input.evidence.reset();
      let total = 0;
      let supporting = 0;
      for (let k = viewSize(view) - 1; k >= 0; k--) {
        const row = rowAt(view, k);
        if (!inScope.test(row)) continue;
        evidence.add(id[row] as string, t[row] as number);
        const w = weight === undefined ? 1 : (weight[row] as number);
        total += w;
        if (holds.test(row)) supporting += w;
      }
      return total === 0
        ? noData(input)
        : { degree: supporting / total, hasData: true, evidence: evidence.result() };
    }
    case "present": {
      const view = views.get(rule.of, scope);
      if (viewSize(view) === 0) return noData(input);
      const holds = rowMatcher(rule.that, view.cols);
      const supporting = input.evidence.reset();
      for (let k = viewSize(view) - 1; k >= 0; k--) {
        const row = rowAt(view, k);
        if (holds.test(row)) supporting.add(view.cols.id[row] as string, view.cols.t[row] as number);
      }
      if (supporting.count > 0) return { degree: 1, hasData: true, evidence: supporting.result() };
      return { degree: 0, hasData: true, evidence: input.whole.get(rule.of, scope).evidence };
    }
    case "cadence":
      return cadence(rule, input, scope);
    case "covers": {
      const view = views.get(rule.of, scope);
      const inScope = rowMatcher(rule.where, view.cols);
      const values = view.cols[rule.field] ?? [];
      const evidence = input.evidence.reset();
      const found = new Set<unknown>();
      let considered = 0;
      for (let k = viewSize(view) - 1; k >= 0; k--) {
        const row = rowAt(view, k);
        if (!inScope.test(row)) continue;
        considered += 1;
        const value = values[row];
        if (typeof value === "string" && rule.values.includes(value)) {
          found.add(value);
          evidence.add(view.cols.id[row] as string, view.cols.t[row] as number);
        }
      }
      if (considered === 0) return noData(input);
      return { degree: found.size / rule.values.length, hasData: true, evidence: evidence.result() };
    }
    case "metric": {
      const { asOf, windowStart, facts } = views.ctx;
      const from = scope === "activity" ? windowStart : -Infinity;
      const { value, evidence } = ruleMetric(rule.metric, facts, from, asOf, views.metricJoins);
      if (value === null) return noData(input);
      return {
        degree: metricDegree(value, rule.op, rule.value),
        hasData: true,
        evidence: input.evidence.reset().addIds(evidence).result(),
      };
    }
  }
}

// Every row is in scope: the evidence and the total come from the view's shared whole; only the
// supporting weight is summed here (newest first, like the total, so the ratio is the same).
function shareOfWhole(
  rule: Extract<LeafRule, { rule: "share" }>,
  input: DegreeInput,
  scope: EvidenceKind,
): DegreeResult {
  const { view, evidence, total } = input.whole.get(rule.of, scope);
  if (total === 0) return noData(input);
  const weight = view.cols.weight;
  const holds = rowMatcher(rule.that, view.cols);
  let supporting = 0;
  for (let k = viewSize(view) - 1; k >= 0; k--) {
    const row = rowAt(view, k);
    if (holds.test(row)) supporting += weight === undefined ? 1 : (weight[row] as number);
  }
  return { degree: supporting / total, hasData: true, evidence };
}

function metricDegree(value: number, op: "below" | "atMost" | "atLeast", bound: number): number {
  const holds = op === "below" ? value < bound : op === "atMost" ? value <= bound : value >= bound;
  if (holds) return 1;
  const closeness = op === "atLeast" ? value / bound : value === 0 ? 1 : bound / value;
  return Math.min(nearlyOne, Math.max(0, closeness));
}

/**
 * Share of whole weeks, counted back from asOf, with at least `perWeek` matching records. A system
 * younger than the window is judged on the weeks it has existed (at least one).
 */
function cadence(
  rule: Extract<LeafRule, { rule: "cadence" }>,
  input: DegreeInput,
  scope: EvidenceKind,
): DegreeResult {
  const { views, since, windowDays } = input;
  const asOf = views.ctx.asOf;
  const spanDays = Math.min(windowDays, (asOf - since) / dayMs);
  const weeks = Math.max(1, Math.floor(spanDays / 7));
  const perWeek = new Array<number>(weeks).fill(0);
  const view = views.get(rule.of, scope);
  const { id, t, weight } = view.cols;
  // Without `where`, the evidence is the view's shared whole; else it is gathered here.
  const whole = rule.where === undefined ? input.whole.get(rule.of, scope).evidence : undefined;
  const inScope = rowMatcher(rule.where, view.cols);
  const evidence = input.evidence.reset();
  for (let k = viewSize(view) - 1; k >= 0; k--) {
    const row = rowAt(view, k);
    if (!inScope.test(row)) continue;
    const time = t[row] as number;
    if (whole === undefined) evidence.add(id[row] as string, time);
    const week = Math.floor((asOf - time) / weekMs);
    if (week >= 0 && week < weeks)
      perWeek[week] = (perWeek[week] as number) + (weight === undefined ? 1 : (weight[row] as number));
  }
  if ((whole ?? evidence).count === 0) return noData(input);
  let good = 0;
  for (const n of perWeek) if (n >= rule.perWeek) good++;
  return { degree: good / weeks, hasData: true, evidence: whole ?? evidence.result() };
}
