// The operational metrics as a person reads them: a name, the value with its unit, and its band.
import type { MetricName, Metrics } from "@maturity/model";

export interface MetricRow {
  name: MetricName;
  label: string;
  value: string;
}

const hours = (value: number | null) => (value === null ? "no data" : `${value.toFixed(1)} h`);
const percent = (value: number | null) => (value === null ? "no data" : `${(value * 100).toFixed(1)}%`);

export function metricRows(metrics: Metrics): MetricRow[] {
  const costs = Object.entries(metrics.costUsdByFeature).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    {
      name: "deploymentsPerWeek",
      label: "Production deploys per week",
      value: metrics.deploymentsPerWeek === null ? "no data" : metrics.deploymentsPerWeek.toFixed(2),
    },
    {
      name: "leadTime",
      label: "Lead time, change requested to production",
      value:
        metrics.leadTimeHours.p50 === null
          ? "no data"
          : `median ${hours(metrics.leadTimeHours.p50)}, p90 ${hours(metrics.leadTimeHours.p90)}`,
    },
    { name: "changeFailureRate", label: "Change failure rate", value: percent(metrics.changeFailureRate) },
    {
      name: "timeToRecovery",
      label: "Time to recover from an incident (median)",
      value: hours(metrics.timeToRecoveryHours.p50),
    },
    {
      name: "costByFeature",
      label: "LLM spend by feature",
      value:
        costs.length === 0
          ? "no data"
          : `${costs.map(([feature, usd]) => `${feature}: $${usd.toFixed(2)}`).join("; ")}; ` +
            `unattributed share ${percent(metrics.unattributedCostShare)}`,
    },
    {
      name: "auditResponse",
      label: "Audit response time (median)",
      value: hours(metrics.auditResponseHours.p50),
    },
  ];
}
