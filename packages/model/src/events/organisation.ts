// Events about the organisation rather than one system: their subject is no system id. Kept apart
// from the catalogue module so the catalogue's own field schemas may import it without a cycle.
import type { EventType } from "./catalogue.ts";

export const organisationEventTypes = [
  "gpu.queue.configured",
  "policy.activated",
  "alerts.rules.changed",
  "alerts.delivery.redriven",
  "campaign.defined",
  "campaign.closed",
] as const satisfies readonly EventType[];

export function isOrganisationEvent(event: { type: string }): boolean {
  return (organisationEventTypes as readonly string[]).includes(event.type);
}

/**
 * Admin actions: only the platform emits them (the portal, for a signed-in admin, or a process
 * from its own settings), never a sender through ingest. Each with where it is done instead.
 */
export const platformOnlyEvents = {
  "policy.activated": "policies are activated with MATURITY_POLICY or in the portal by an admin",
  "alerts.rules.changed":
    "alert rules are changed in the alerts file (MATURITY_ALERTS) or in the portal by an admin",
  "alerts.delivery.redriven": "dead alert messages are re-driven in the portal by an admin",
  "campaign.defined": "campaigns are defined and changed in the portal by an admin",
  "campaign.closed": "campaigns are closed in the portal by an admin",
} as const satisfies Partial<Record<EventType, string>>;

/** Where an admin action is done instead, when `event` is one only the platform emits. */
export function platformOnlyReason(event: { type: string }): string | undefined {
  return Object.hasOwn(platformOnlyEvents, event.type)
    ? platformOnlyEvents[event.type as keyof typeof platformOnlyEvents]
    : undefined;
}
