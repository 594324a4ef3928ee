import type { Metrics } from "@maturity/model";
import type { SystemFacts } from "../facts/types.ts";
import { dayMs } from "../time.ts";
import { auditResponseHours } from "./audit-response.ts";
import { metricBands } from "./bands.ts";
import { changeFailureRate } from "./change-failure-rate.ts";
import { costByFeature } from "./cost-by-feature.ts";
import { deploymentsPerWeek } from "./deployments-per-week.ts";
import type { MetricJoins } from "./joins.ts";
import { leadTimeHours } from "./lead-time.ts";
import { productionDeploys } from "./production-deploys.ts";
import { timeToRecoveryHours } from "./time-to-recovery.ts";

export {
  auditResponseHours,
  changeFailureRate,
  costByFeature,
  deploymentsPerWeek,
  leadTimeHours,
  timeToRecoveryHours,
};
export { median, percentile } from "./stats.ts";

/** The metrics, and the evidence behind those a metric-breach risk cites (computed once, shared). */
export interface MetricsWithEvidence {
  metrics: Metrics;
  changeFailureEvidence: string[];
  recoveryEvidence: string[];
}

/** The six operational metrics (docs/score-report.md#metrics) over (asOf − windowDays, asOf]. */
export function computeMetrics(facts: SystemFacts, asOf: number, windowDays: number): Metrics {
  return computeMetricsWithEvidence(facts, asOf, windowDays).metrics;
}

export function computeMetricsWithEvidence(
  facts: SystemFacts,
  asOf: number,
  windowDays: number,
  joins?: MetricJoins,
): MetricsWithEvidence {
  const from = asOf - windowDays * dayMs;
  // Cadence, lead time and failure rate all look at the same deploys.
  const deploys = productionDeploys(facts, from, asOf);
  const cost = costByFeature(facts, from, asOf).value;
  const changeFailure = changeFailureRate(facts, from, asOf, deploys, joins);
  const recovery = timeToRecoveryHours(facts, from, asOf, joins);
  const values = {
    deploymentsPerWeek: deploymentsPerWeek(facts, from, asOf, deploys).value,
    leadTimeHours: leadTimeHours(facts, from, asOf, deploys).value,
    changeFailureRate: changeFailure.value,
    timeToRecoveryHours: { p50: recovery.value },
    costUsdByFeature: cost.costUsdByFeature,
    unattributedCostShare: cost.unattributedCostShare,
    auditResponseHours: { p50: auditResponseHours(facts, from, asOf, joins).value },
  };
  const metrics: Metrics = {
    deploymentsPerWeek: values.deploymentsPerWeek,
    leadTimeHours: values.leadTimeHours,
    changeFailureRate: values.changeFailureRate,
    timeToRecoveryHours: values.timeToRecoveryHours,
    costUsdByFeature: values.costUsdByFeature,
    unattributedCostShare: values.unattributedCostShare,
    auditResponseHours: values.auditResponseHours,
    bands: metricBands(values),
    windowDays,
  };
  return {
    metrics,
    changeFailureEvidence: changeFailure.evidence,
    recoveryEvidence: recovery.evidence,
  };
}
