import type { EventType } from "@maturity/model";
import { z } from "zod";
import { compact, ignored, type AdapterResult, type EventDraft } from "./draft.ts";
import { deploymentIdIn, incidentKindOf } from "./incident-rules.ts";
import { parsePayload } from "./payload.ts";
import { toRfc3339 } from "./time.ts";

export interface PagerdutyDelivery {
  payload: unknown;
  now: Date;
}

/** The PagerDuty v3 event types that are evidence, and the event each becomes; the rest are ignored. */
export const pagerdutyEventTypes = {
  "incident.triggered": "incident.opened",
  // A reopened incident is open again under the same id: its recovery is timed from the reopening.
  "incident.reopened": "incident.opened",
  "incident.resolved": "incident.resolved",
} as const satisfies Record<string, EventType>;

/** Severity from the incident's priority (its name, as PagerDuty's standard priorities are named). */
export const pagerdutyPrioritySeverity: Readonly<Record<string, number>> = {
  P1: 1,
  P2: 2,
  P3: 3,
  P4: 4,
  P5: 4,
};

/** Severity from the urgency, for an incident without a priority (or with a priority named otherwise). */
export const pagerdutyUrgencySeverity = { high: 2, low: 4 } as const;

// Every v3 webhook: {"event": {id, event_type, resource_type, occurred_at, agent, client, data}}.
const envelope = z.object({
  event: z.object({
    id: z.string().min(1),
    event_type: z.string().min(1),
    resource_type: z.string().nullish(),
    occurred_at: z.string().nullish(),
    data: z.unknown(),
  }),
});

// The incident (event.data of the incident.* events), only the fields mapped.
const incident = z.object({
  id: z.string().min(1),
  title: z.string().nullish(),
  urgency: z.string().nullish(),
  priority: z.object({ summary: z.string().nullish() }).nullish(),
  service: z.object({ id: z.string().min(1) }),
  html_url: z.string().nullish(),
  body: z.object({ details: z.unknown() }).nullish(),
});
const incidentEvent = z.object({ event: z.object({ data: incident }) });

/** 1 (most severe) to 4: the priority when it is one of P1..P5, else the urgency (high 2, otherwise 4). */
export function pagerdutySeverity(
  priority: string | null | undefined,
  urgency: string | null | undefined,
): number {
  const name = priority?.trim().toUpperCase();
  if (name !== undefined && Object.hasOwn(pagerdutyPrioritySeverity, name))
    return pagerdutyPrioritySeverity[name]!;
  return urgency?.trim().toLowerCase() === "high"
    ? pagerdutyUrgencySeverity.high
    : pagerdutyUrgencySeverity.low;
}

/**
 * The CloudEvent source of an account's deliveries: `https://<account>.pagerduty.com` from the
 * incident's link, else `pagerduty`. It is the same for every delivery of the account, so a
 * redelivered event (same event id) is stored once.
 */
export function pagerdutySource(htmlUrl: string | null | undefined): string {
  if (htmlUrl == null) return "pagerduty";
  try {
    const { protocol, hostname } = new URL(htmlUrl);
    if (protocol === "https:" && hostname.endsWith(".pagerduty.com")) return `https://${hostname}`;
  } catch {
    // Not a URL: fall through.
  }
  return "pagerduty";
}

/** Maps one PagerDuty v3 webhook delivery (see docs/incidents.md for every rule). */
export function mapPagerdutyDelivery(delivery: PagerdutyDelivery): AdapterResult {
  const { event } = parsePayload(envelope, delivery.payload, "PagerDuty v3 webhook");
  const type = Object.hasOwn(pagerdutyEventTypes, event.event_type)
    ? pagerdutyEventTypes[event.event_type as keyof typeof pagerdutyEventTypes]
    : undefined;
  if (type === undefined) {
    return ignored(
      `PagerDuty ${event.event_type} carries no maturity evidence; only ${Object.keys(pagerdutyEventTypes).join(", ")} are mapped`,
    );
  }
  const data = parsePayload(incidentEvent, delivery.payload, `PagerDuty ${event.event_type} webhook`).event
    .data;
  const draft: Omit<EventDraft, "type" | "data"> = {
    // PagerDuty redelivers an event with the same id.
    id: event.id,
    source: pagerdutySource(data.html_url),
    time: toRfc3339(event.occurred_at) ?? delivery.now.toISOString(),
    ref: { kind: "service", id: data.service.id },
  };
  if (type === "incident.resolved") {
    return { drafts: [{ ...draft, type, data: { incidentId: data.id } }] };
  }
  const title = data.title ?? undefined;
  const details = typeof data.body?.details === "string" ? data.body.details : undefined;
  return {
    drafts: [
      {
        ...draft,
        type,
        data: compact({
          incidentId: data.id,
          severity: pagerdutySeverity(data.priority?.summary, data.urgency),
          kind: incidentKindOf(title),
          deploymentId: deploymentIdIn(title, details),
        }),
      },
    ],
  };
}
