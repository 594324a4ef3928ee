// Events about the organisation rather than one system: their subject is no system id. Kept apart
// from the catalogue module so the catalogue's own field schemas may import it without a cycle.
import type { EventType } from "./catalogue.ts";

export const organisationEventTypes = [
  "gpu.queue.configured",
  "policy.activated",
] as const satisfies readonly EventType[];

export function isOrganisationEvent(event: { type: string }): boolean {
  return (organisationEventTypes as readonly string[]).includes(event.type);
}
