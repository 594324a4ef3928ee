// Interprets a rubric degree rule over a system's population views: degree in [0, 1], whether
// there was any evidence at all, and the ids of the events looked at.
import type { DegreeRule, EvidenceKind, LeafRule } from "@maturity/model/rubric";
import { weekMs } from "../time.ts";
import type { PopulationViews, ViewRecord } from "../views/populations.ts";
import { ruleMetric } from "./metric-rule.ts";
import { matches, weightOf } from "./where.ts";

export interface DegreeResult {
  degree: number;
  /** False when nothing was observed: the criterion is no_data, not unmet. */
  hasData: boolean;
  /** Records (or events) the degree was computed from, in no particular order. */
  evidence: ViewRecord[] | string[];
}

const noData: DegreeResult = { degree: 0, hasData: false, evidence: [] };

// Below the bound, a metric rule still reports how close it comes, but never 1.
const nearlyOne = 0.99;

export interface DegreeInput {
  views: PopulationViews;
  scope: EvidenceKind;
  /** Start of the system's life, for cadence rules on young systems. */
  since: number;
  windowDays: number;
}

export function evaluateDegree(rule: DegreeRule, input: DegreeInput): DegreeResult {
  if (rule.rule !== "all") return evaluateLeaf(rule, input);
  const parts = rule.rules.map((part) => evaluateLeaf(part, input));
  if (parts.every((p) => !p.hasData)) return noData;
  return {
    degree: Math.min(...parts.map((p) => p.degree)),
    hasData: true,
    evidence: parts.flatMap((p) => p.evidence as ViewRecord[]),
  };
}

function evaluateLeaf(rule: LeafRule, input: DegreeInput): DegreeResult {
  const { views, scope } = input;
  switch (rule.rule) {
    case "share": {
      const considered = views.get(rule.of, scope).filter((r) => matches(r, rule.where));
      let total = 0;
      let supporting = 0;
      for (const r of considered) {
        total += weightOf(r);
        if (matches(r, rule.that)) supporting += weightOf(r);
      }
      return total === 0 ? noData : { degree: supporting / total, hasData: true, evidence: considered };
    }
    case "present": {
      const considered = views.get(rule.of, scope);
      if (considered.length === 0) return noData;
      const supporting = considered.filter((r) => matches(r, rule.that));
      return supporting.length > 0
        ? { degree: 1, hasData: true, evidence: supporting }
        : { degree: 0, hasData: true, evidence: considered };
    }
    case "cadence":
      return cadence(rule, input);
    case "covers": {
      const considered = views.get(rule.of, scope).filter((r) => matches(r, rule.where));
      if (considered.length === 0) return noData;
      const found = new Set(considered.map((r) => (r as unknown as Record<string, unknown>)[rule.field]));
      const covered = rule.values.filter((v) => found.has(v)).length;
      const evidence = considered.filter((r) =>
        rule.values.includes((r as unknown as Record<string, unknown>)[rule.field] as string),
      );
      return { degree: covered / rule.values.length, hasData: true, evidence };
    }
    case "metric": {
      const { asOf, windowStart, facts } = views.ctx;
      const from = scope === "activity" ? windowStart : -Infinity;
      const { value, evidence } = ruleMetric(rule.metric, facts, from, asOf);
      if (value === null) return noData;
      return { degree: metricDegree(value, rule.op, rule.value), hasData: true, evidence };
    }
  }
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
function cadence(rule: Extract<LeafRule, { rule: "cadence" }>, input: DegreeInput): DegreeResult {
  const { views, scope, since, windowDays } = input;
  const asOf = views.ctx.asOf;
  const considered = views.get(rule.of, scope).filter((r) => matches(r, rule.where));
  if (considered.length === 0) return noData;
  const spanDays = Math.min(windowDays, (asOf - since) / 86_400_000);
  const weeks = Math.max(1, Math.floor(spanDays / 7));
  const perWeek = new Array<number>(weeks).fill(0);
  for (const r of considered) {
    const week = Math.floor((asOf - r.t) / weekMs);
    if (week >= 0 && week < weeks) perWeek[week] = (perWeek[week] as number) + weightOf(r);
  }
  const good = perWeek.filter((n) => n >= rule.perWeek).length;
  return { degree: good / weeks, hasData: true, evidence: considered };
}
