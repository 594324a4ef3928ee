// Where each metric value sits among the levels the article describes, and DORA's clusters where
// DORA defines the metric. Boundaries are the article's numbers; between them we round down.
import type { MetricBand, MetricName, Metrics } from "@maturity/model";

const noData: MetricBand = { level: null, label: "no data", dora: null };

type Dora = MetricBand["dora"];
type Bands = Record<NonNullable<Dora> | "none", MetricBand>;

// Band objects are shared by every report (read-only): one per (level, label, DORA cluster),
// made once, rather than ten thousand copies of the same few objects per whole-org scoring.
function bandsOf(level: MetricBand["level"], label: string): Bands {
  const band = (dora: Dora): MetricBand => ({ level, label, dora });
  return {
    elite: band("elite"),
    high: band("high"),
    medium: band("medium"),
    low: band("low"),
    none: band(null),
  };
}
const pick = (bands: Bands, dora: Dora) => bands[dora ?? "none"];

const deploys = {
  daily: bandsOf(4, "on demand (daily or more)"),
  severalWeekly: bandsOf(3, "several times a week"),
  weekly: bandsOf(2, "weekly"),
  adHoc: bandsOf(1, "less than weekly (ad hoc)"),
};
const leadTimes = { hours: bandsOf(4, "hours"), days: bandsOf(3, "days"), weeks: bandsOf(2, "weeks") };
const failureRates = {
  low: bandsOf(4, "below 10%"),
  mid: bandsOf(3, "10–25% (level 3 sits at 15–25%)"),
  high: bandsOf(2, "above 25%"),
};
const recoveries = { underHour: bandsOf(4, "under an hour"), hours: bandsOf(2, "multiple hours") };
const costs = {
  attributed: bandsOf(4, "attributed per feature"),
  partly: bandsOf(3, "partly attributed"),
  not: bandsOf(2, "not attributed to features"),
};
const audits = { hours: bandsOf(5, "hours"), days: bandsOf(3, "days"), weeks: bandsOf(2, "weeks") };

function deploymentsBand(perWeek: number | null): MetricBand {
  if (perWeek === null) return noData;
  const dora = perWeek > 7 ? "elite" : perWeek >= 1 ? "high" : perWeek >= 12 / 52 ? "medium" : "low";
  if (perWeek >= 7) return pick(deploys.daily, dora);
  if (perWeek >= 3) return pick(deploys.severalWeekly, dora);
  if (perWeek >= 1) return pick(deploys.weekly, dora);
  return pick(deploys.adHoc, dora);
}

function leadTimeBand(p50Hours: number | null): MetricBand {
  if (p50Hours === null) return noData;
  const dora = p50Hours < 24 ? "elite" : p50Hours <= 168 ? "high" : p50Hours <= 720 ? "medium" : "low";
  if (p50Hours <= 24) return pick(leadTimes.hours, dora);
  if (p50Hours <= 168) return pick(leadTimes.days, dora);
  return pick(leadTimes.weeks, dora);
}

function changeFailureBand(rate: number | null): MetricBand {
  if (rate === null) return noData;
  const dora = rate <= 0.05 ? "elite" : rate <= 0.1 ? "high" : rate <= 0.15 ? "medium" : "low";
  if (rate < 0.1) return pick(failureRates.low, dora);
  if (rate <= 0.25) return pick(failureRates.mid, dora);
  return pick(failureRates.high, dora);
}

function recoveryBand(p50Hours: number | null): MetricBand {
  if (p50Hours === null) return noData;
  const dora = p50Hours < 1 ? "elite" : p50Hours < 24 ? "high" : p50Hours <= 168 ? "medium" : "low";
  if (p50Hours < 1) return pick(recoveries.underHour, dora);
  return pick(recoveries.hours, dora);
}

function costBand(unattributedShare: number | null): MetricBand {
  if (unattributedShare === null) return noData;
  if (unattributedShare <= 0.1) return costs.attributed.none;
  if (unattributedShare < 1) return costs.partly.none;
  return costs.not.none;
}

function auditBand(p50Hours: number | null): MetricBand {
  if (p50Hours === null) return noData;
  if (p50Hours <= 24) return audits.hours.none;
  if (p50Hours <= 168) return audits.days.none;
  return audits.weeks.none;
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
