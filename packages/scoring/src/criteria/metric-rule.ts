// The metrics a rubric `metric` rule can test, computed over the criterion's scope.
import type { RuleMetric } from "@maturity/model/rubric";
import type { SystemFacts } from "../facts/types.ts";
import { auditResponseHours } from "../metrics/audit-response.ts";
import { changeFailureRate } from "../metrics/change-failure-rate.ts";
import { unattributedCostShare } from "../metrics/cost-by-feature.ts";
import type { MetricValue } from "../metrics/deployments-per-week.ts";
import { deploymentsPerWeek } from "../metrics/deployments-per-week.ts";
import type { MetricJoins } from "../metrics/joins.ts";
import { leadTimeHours } from "../metrics/lead-time.ts";
import { timeToRecoveryHours } from "../metrics/time-to-recovery.ts";

export function ruleMetric(
  metric: RuleMetric,
  facts: SystemFacts,
  from: number,
  to: number,
  joins?: MetricJoins,
): MetricValue<number | null> {
  switch (metric) {
    case "deploymentsPerWeek":
      return deploymentsPerWeek(facts, from, to);
    case "changeFailureRate":
      return changeFailureRate(facts, from, to, undefined, joins);
    case "leadTimeP50Hours": {
      const { value, evidence } = leadTimeHours(facts, from, to);
      return { value: value.p50, evidence };
    }
    case "recoveryP50Hours":
      return timeToRecoveryHours(facts, from, to, joins);
    case "attributedCostShare": {
      const { value, evidence } = unattributedCostShare(facts, from, to);
      return { value: value === null ? null : 1 - value, evidence };
    }
    case "auditResponseP50Hours":
      return auditResponseHours(facts, from, to, joins);
  }
}
