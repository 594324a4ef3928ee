// Where each metric value sits among the levels the article describes, and DORA's clusters where
// DORA defines the metric. Boundaries are the article's numbers; between them we round down.
import type { MetricBand, MetricName, Metrics } from "@maturity/model";

const noData: MetricBand = { level: null, label: "no data", dora: null };

function deploymentsBand(perWeek: number | null): MetricBand {
  if (perWeek === null) return noData;
  const dora = perWeek > 7 ? "elite" : perWeek >= 1 ? "high" : perWeek >= 12 / 52 ? "medium" : "low";
  if (perWeek >= 7) return { level: 4, label: "on demand (daily or more)", dora };
  if (perWeek >= 3) return { level: 3, label: "several times a week", dora };
  if (perWeek >= 1) return { level: 2, label: "weekly", dora };
  return { level: 1, label: "less than weekly (ad hoc)", dora };
}

function leadTimeBand(p50Hours: number | null): MetricBand {
  if (p50Hours === null) return noData;
  const dora = p50Hours < 24 ? "elite" : p50Hours <= 168 ? "high" : p50Hours <= 720 ? "medium" : "low";
  if (p50Hours <= 24) return { level: 4, label: "hours", dora };
  if (p50Hours <= 168) return { level: 3, label: "days", dora };
  return { level: 2, label: "weeks", dora };
}

function changeFailureBand(rate: number | null): MetricBand {
  if (rate === null) return noData;
  const dora = rate <= 0.05 ? "elite" : rate <= 0.1 ? "high" : rate <= 0.15 ? "medium" : "low";
  if (rate < 0.1) return { level: 4, label: "below 10%", dora };
  if (rate <= 0.25) return { level: 3, label: "10–25% (level 3 sits at 15–25%)", dora };
  return { level: 2, label: "above 25%", dora };
}

function recoveryBand(p50Hours: number | null): MetricBand {
  if (p50Hours === null) return noData;
  const dora = p50Hours < 1 ? "elite" : p50Hours < 24 ? "high" : p50Hours <= 168 ? "medium" : "low";
  if (p50Hours < 1) return { level: 4, label: "under an hour", dora };
  return { level: 2, label: "multiple hours", dora };
}

function costBand(unattributedShare: number | null): MetricBand {
  if (unattributedShare === null) return noData;
  if (unattributedShare <= 0.1) return { level: 4, label: "attributed per feature", dora: null };
  if (unattributedShare < 1) return { level: 3, label: "partly attributed", dora: null };
  return { level: 2, label: "not attributed to features", dora: null };
}

function auditBand(p50Hours: number | null): MetricBand {
  if (p50Hours === null) return noData;
  if (p50Hours <= 24) return { level: 5, label: "hours", dora: null };
  if (p50Hours <= 168) return { level: 3, label: "days", dora: null };
  return { level: 2, label: "weeks", dora: null };
}

export function metricBands(m: Omit<Metrics, "bands" | "windowDays">): Record<MetricName, MetricBand> {
  return {
    deploymentsPerWeek: deploymentsBand(m.deploymentsPerWeek),
    leadTime: leadTimeBand(m.leadTimeHours.p50),
    changeFailureRate: changeFailureBand(m.changeFailureRate),
    timeToRecovery: recoveryBand(m.timeToRecoveryHours.p50),
    costByFeature: costBand(m.unattributedCostShare),
    auditResponse: auditBand(m.auditResponseHours.p50),
  };
}
