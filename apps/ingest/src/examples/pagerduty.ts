// Example PagerDuty v3 webhook bodies (POST /v1/webhooks/pagerduty) for the documentation. Each is
// accepted by the route as it is (its tests send them, signed); the account and ids are made up.
import type { PayloadExample } from "./types.ts";

const account = "https://example-org.pagerduty.com";

function incident(status: string, priority: "P1" | "P2" | null, urgency: "high" | "low") {
  return {
    id: "Q1EXMPL",
    type: "incident",
    self: "https://api.pagerduty.com/incidents/Q1EXMPL",
    html_url: `${account}/incidents/Q1EXMPL`,
    number: 42,
    status,
    incident_key: "3c0b3e6f2d8a4c51a7e9b1f04d6c2a88",
    created_at: "2026-03-01T10:15:00Z",
    title: "Churn model accuracy regression after deploy:churn-model-v14",
    service: {
      html_url: `${account}/service-directory/PCHURN1`,
      id: "PCHURN1",
      self: "https://api.pagerduty.com/services/PCHURN1",
      summary: "churn-model",
      type: "service_reference",
    },
    priority:
      priority === null
        ? null
        : {
            html_url: `${account}/account/incident_priorities`,
            id: `PPRIO${priority.slice(1)}`,
            self: `https://api.pagerduty.com/priorities/PPRIO${priority.slice(1)}`,
            summary: priority,
            type: "priority_reference",
          },
    urgency,
    resolve_reason: null,
  };
}

const agent = {
  html_url: `${account}/users/PUSER01`,
  id: "PUSER01",
  self: "https://api.pagerduty.com/users/PUSER01",
  summary: "On-call engineer",
  type: "user_reference",
};

export const pagerdutyExamples = {
  triggered: {
    summary:
      "incident.triggered: becomes incident.opened (P1 → severity 1, kind quality_regression, deploymentId churn-model-v14)",
    value: {
      event: {
        id: "01HQEXAMPLE0TRIGGERED00000A",
        event_type: "incident.triggered",
        resource_type: "incident",
        occurred_at: "2026-03-01T10:15:02.114Z",
        agent: null,
        client: { name: "Prometheus" },
        data: incident("triggered", "P1", "high"),
      },
    },
  },
  resolved: {
    summary: "incident.resolved: becomes incident.resolved with the same incidentId",
    value: {
      event: {
        id: "01HQEXAMPLE0RESOLVED000000B",
        event_type: "incident.resolved",
        resource_type: "incident",
        occurred_at: "2026-03-01T11:02:33.019Z",
        agent,
        client: { name: "PagerDuty" },
        data: incident("resolved", "P1", "high"),
      },
    },
  },
  acknowledged: {
    summary: "incident.acknowledged: accepted and ignored (200), like every event type not mapped",
    value: {
      event: {
        id: "01HQEXAMPLE0ACKNOWLEDGED00C",
        event_type: "incident.acknowledged",
        resource_type: "incident",
        occurred_at: "2026-03-01T10:19:40.502Z",
        agent,
        client: { name: "PagerDuty" },
        data: incident("acknowledged", "P1", "high"),
      },
    },
  },
} satisfies Record<string, PayloadExample>;
