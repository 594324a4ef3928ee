import type { MetricName, Metrics } from "@maturity/model";
import { formatHours, formatPercent } from "../lib/format.ts";
import { metricGuides } from "../lib/metric-guides.ts";
import { LevelBadge } from "./LevelBadge.tsx";

function valueOf(metrics: Metrics, name: MetricName): string {
  switch (name) {
    case "deploymentsPerWeek":
      return metrics.deploymentsPerWeek === null
        ? "no data"
        : `${metrics.deploymentsPerWeek.toFixed(1)} a week`;
    case "leadTime":
      return `p50 ${formatHours(metrics.leadTimeHours.p50)}, p90 ${formatHours(metrics.leadTimeHours.p90)}`;
    case "changeFailureRate":
      return formatPercent(metrics.changeFailureRate);
    case "timeToRecovery":
      return `p50 ${formatHours(metrics.timeToRecoveryHours.p50)}`;
    case "costByFeature": {
      const features = Object.entries(metrics.costUsdByFeature);
      if (features.length === 0) return "no data";
      const spend = features
        .sort(([, a], [, b]) => b - a)
        .slice(0, 3)
        .map(([feature, usd]) => `${feature} $${usd.toFixed(2)}`)
        .join(", ");
      return metrics.unattributedCostShare === null
        ? spend
        : `${spend}; ${formatPercent(metrics.unattributedCostShare)} unattributed`;
    }
    case "auditResponse":
      return `p50 ${formatHours(metrics.auditResponseHours.p50)}`;
  }
}

const order: readonly MetricName[] = [
  "deploymentsPerWeek",
  "leadTime",
  "changeFailureRate",
  "timeToRecovery",
  "costByFeature",
  "auditResponse",
];

/** The six operational metrics, each with the band it falls in and what each level looks like. */
export function MetricsTable({ metrics }: { metrics: Metrics }) {
  return (
    <div className="table-scroll">
      <table className="metrics">
        <caption>Operational metrics over the last {metrics.windowDays} days</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Value</th>
            <th scope="col">Band</th>
            <th scope="col">What the levels look like</th>
          </tr>
        </thead>
        <tbody>
          {order.map((name) => {
            const band = metrics.bands[name];
            return (
              <tr key={name}>
                <th scope="row">{metricGuides[name].label}</th>
                <td>{valueOf(metrics, name)}</td>
                <td>
                  {band?.level ? <LevelBadge level={band.level} /> : null} {band?.label ?? "no data"}
                  {band?.dora ? <span className="muted small"> (DORA {band.dora})</span> : null}
                </td>
                <td className="muted small">{metricGuides[name].guide}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
