// Example Alertmanager webhook notifications (POST /v1/webhooks/alertmanager, version "4") for the
// documentation. Each is accepted by the route as it is (its tests send them); names are made up.
import type { PayloadExample } from "./types.ts";

const externalURL = "https://alertmanager.example.org";
const goZeroTime = "0001-01-01T00:00:00Z";

const drift = {
  labels: {
    alertname: "ChurnModelFeatureDrift",
    severity: "critical",
    service: "churn-model",
    team: "ml-platform",
  },
  annotations: { summary: "PSI of tenure_months above 0.25 for 30 minutes" },
  startsAt: "2026-03-01T09:58:30.123Z",
  generatorURL: "https://prometheus.example.org/graph?g0.expr=feature_psi+%3E+0.25",
  fingerprint: "5d1c9e8f4a2b7c30",
};

const latency = {
  labels: {
    alertname: "ChurnModelHighLatency",
    severity: "warning",
    maturity_system: "churn-prediction",
    team: "ml-platform",
  },
  annotations: { summary: "p99 inference latency above 400 ms" },
  startsAt: "2026-03-01T10:02:15Z",
  generatorURL: "https://prometheus.example.org/graph?g0.expr=inference_p99_seconds+%3E+0.4",
  fingerprint: "a0b1c2d3e4f50617",
};

function notification(status: "firing" | "resolved", alerts: Record<string, unknown>[]) {
  return {
    version: "4",
    groupKey: '{}:{team="ml-platform"}',
    truncatedAlerts: 0,
    status,
    receiver: "maturity",
    groupLabels: { team: "ml-platform" },
    commonLabels: { team: "ml-platform" },
    commonAnnotations: {},
    externalURL,
    alerts,
  };
}

export const alertmanagerExamples = {
  firing: {
    summary:
      "Two firing alerts: each becomes monitor.alert.fired (drift, latency); the critical one also opens an incident",
    value: notification("firing", [
      { status: "firing", ...drift, endsAt: goZeroTime },
      { status: "firing", ...latency, endsAt: goZeroTime },
    ]),
  },
  resolved: {
    summary:
      "The same alerts resolved: the critical one resolves its incident; the warning one carries nothing new",
    value: notification("resolved", [
      { status: "resolved", ...drift, endsAt: "2026-03-01T10:41:07.250Z" },
      { status: "resolved", ...latency, endsAt: "2026-03-01T10:20:45Z" },
    ]),
  },
} satisfies Record<string, PayloadExample>;
