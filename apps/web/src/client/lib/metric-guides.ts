// What each operational metric looks like at each level, in our words, beside the band the
// server computed.
import type { MetricName } from "@maturity/model";

export const metricGuides: Record<MetricName, { label: string; guide: string }> = {
  deploymentsPerWeek: {
    label: "Deployment frequency",
    guide:
      "About once a week at level 2, several times a week at level 3, on demand behind automated gates at level 4.",
  },
  leadTime: {
    label: "Lead time for a model change",
    guide: "Weeks at level 2; hours at level 4.",
  },
  changeFailureRate: {
    label: "Change failure rate",
    guide: "Typically 15–25% at level 3; below 10% at level 4, where evaluation gates stop regressions.",
  },
  timeToRecovery: {
    label: "Time to recovery",
    guide: "Several hours at level 2; under an hour at level 4, thanks to automatic rollback.",
  },
  costByFeature: {
    label: "Cost per AI feature",
    guide: "Mature teams can attribute spend to each product feature and show it to product managers.",
  },
  auditResponse: {
    label: "Audit evidence response time",
    guide: "Weeks at level 2; hours at level 5, where the pipeline writes the documentation.",
  },
};
