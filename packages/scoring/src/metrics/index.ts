import type { Metrics } from "@maturity/model";
import type { SystemFacts } from "../facts/types.ts";
import { dayMs } from "../time.ts";
import { auditResponseHours } from "./audit-response.ts";
import { metricBands } from "./bands.ts";
import { changeFailureRate } from "./change-failure-rate.ts";
import { costByFeature } from "./cost-by-feature.ts";
import { deploymentsPerWeek } from "./deployments-per-week.ts";
import { leadTimeHours } from "./lead-time.ts";
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

/** The six operational metrics of DESIGN §4 over (asOf − windowDays, asOf]. */
export function computeMetrics(facts: SystemFacts, asOf: number, windowDays: number): Metrics {
  const from = asOf - windowDays * dayMs;
  const cost = costByFeature(facts, from, asOf).value;
  const values = {
    deploymentsPerWeek: deploymentsPerWeek(facts, from, asOf).value,
    leadTimeHours: leadTimeHours(facts, from, asOf).value,
    changeFailureRate: changeFailureRate(facts, from, asOf).value,
    timeToRecoveryHours: { p50: timeToRecoveryHours(facts, from, asOf).value },
    costUsdByFeature: cost.costUsdByFeature,
    unattributedCostShare: cost.unattributedCostShare,
    auditResponseHours: { p50: auditResponseHours(facts, from, asOf).value },
  };
  return { ...values, bands: metricBands(values), windowDays };
}
