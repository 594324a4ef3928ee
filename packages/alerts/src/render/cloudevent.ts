// Alerts as CloudEvents 1.0 for generic webhooks: one alert is one event in structured mode
// (application/cloudevents+json); a message of several is a batch (application/cloudevents-batch+json,
// a JSON array of the same events), which CloudEvents SDKs read as a list.
import type { Alert, AlertSubject } from "../alert.ts";
import type { AlertMessage } from "../group.ts";
import { portalLink } from "../portal-links.ts";

export const cloudEventSource = "urn:maturity:alerts";
export const cloudEventTypePrefix = "dev.maturity.alert.";

export interface AlertEventData {
  ruleId: string;
  kind: Alert["kind"];
  summary: string;
  subject: AlertSubject;
  /** What changed, with its before and after (per kind: see the package README). */
  change: Alert["change"];
  evidence: string[];
  /** The subject's page in the portal. */
  link: string;
}

export interface AlertCloudEvent {
  specversion: "1.0";
  /** The alert's id: receivers dedupe on source + id. */
  id: string;
  source: string;
  type: string;
  /** The system's id, `team:<name>` or `org`. */
  subject: string;
  time: string;
  datacontenttype: "application/json";
  data: AlertEventData;
}

export interface RenderOptions {
  /** MATURITY_PUBLIC_URL: links start with it. */
  publicUrl: string;
}

export function alertCloudEvent(alert: Alert, { publicUrl }: RenderOptions): AlertCloudEvent {
  return {
    specversion: "1.0",
    id: alert.id,
    source: cloudEventSource,
    type: `${cloudEventTypePrefix}${alert.kind}`,
    subject: eventSubject(alert.subject),
    time: alert.decidedAt,
    datacontenttype: "application/json",
    data: {
      ruleId: alert.ruleId,
      kind: alert.kind,
      summary: alert.summary,
      subject: alert.subject,
      change: alert.change,
      evidence: alert.evidence,
      link: portalLink(publicUrl, alert.subject),
    },
  };
}

export interface RenderedBody {
  contentType: string;
  body: string;
}

/** The webhook body of a message: the same bytes however often it is rendered (it is signed). */
export function renderCloudEvents(message: AlertMessage, options: RenderOptions): RenderedBody {
  const events = message.alerts.map((alert) => alertCloudEvent(alert, options));
  return events.length === 1
    ? { contentType: "application/cloudevents+json", body: JSON.stringify(events[0]) }
    : { contentType: "application/cloudevents-batch+json", body: JSON.stringify(events) };
}

function eventSubject(subject: AlertSubject): string {
  switch (subject.type) {
    case "system":
      return subject.systemId;
    case "team":
      return `team:${subject.team}`;
    case "org":
      return "org";
  }
}
