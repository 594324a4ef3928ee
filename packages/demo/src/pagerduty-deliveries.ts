// The demo's incidents as PagerDuty raises them: each incident.opened / incident.resolved of the
// history becomes the v3 webhook delivery PagerDuty would send, on the system's PagerDuty service.
// The embedded first run sends these through the same mapping as POST /v1/webhooks/pagerduty, so
// a newcomer's incidents arrive the way theirs will.
import { demoPagerDutyServiceId } from "./backstage-catalogue.ts";
import type { DemoEvent } from "./events.ts";

const account = "https://demo-org.pagerduty.com";

/** Titles whose words give back the incident's kind under the ingest's keyword rules. */
const titleByKind: Record<string, string> = {
  outage: "Requests failing",
  cost: "Spend over budget",
  safety: "Safety report: harmful answer",
  quality_regression: "Quality regression in answers",
};

interface OpenedData {
  incidentId: string;
  severity: number;
  kind: string;
  deploymentId?: string;
}

/** The v3 webhook body for an incident event of the demo history; undefined for any other event. */
export function demoPagerDutyDelivery(event: DemoEvent): { event: Record<string, unknown> } | undefined {
  if (event.type !== "incident.opened" && event.type !== "incident.resolved") return undefined;
  const data = event.data as OpenedData;
  const opened = event.type === "incident.opened";
  const serviceId = demoPagerDutyServiceId(event.subject);
  const title = opened
    ? `${titleByKind[data.kind] ?? "Incident"}${data.deploymentId === undefined ? "" : ` after deploy:${data.deploymentId}`}`
    : "Incident resolved";
  return {
    event: {
      id: event.id,
      event_type: opened ? "incident.triggered" : "incident.resolved",
      resource_type: "incident",
      occurred_at: event.time,
      agent: null,
      client: { name: "Prometheus" },
      data: {
        id: data.incidentId,
        type: "incident",
        html_url: `${account}/incidents/${encodeURIComponent(data.incidentId)}`,
        status: opened ? "triggered" : "resolved",
        title,
        service: { id: serviceId, summary: event.subject, type: "service_reference" },
        priority: opened ? { summary: `P${data.severity}`, type: "priority_reference" } : null,
        urgency: opened && data.severity <= 2 ? "high" : "low",
      },
    },
  };
}
