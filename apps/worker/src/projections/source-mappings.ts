// The worker's side of native ids: recording the mappings catalogue entries declare, batch by
// batch. What a native id is, and how an event is routed to its system, is packages/model's
// (catalogue/native-ids.ts); the worker, the replay, the database queries and the portal all use it.
import type { MaturityEvent } from "@maturity/model";
import { claimedNativeIds, nativeIdOfSubject, readdressed, routeEvent } from "@maturity/model";

export { readdressed };

/** "unmapped:repo:org/x" → "repo:org/x"; undefined for a system's own subject. */
export const unmappedRefOf = nativeIdOfSubject;

/** The native ids these events' catalogue entries claim, and the unmapped ids they carry. */
export function refsMentioned(events: readonly MaturityEvent[]): string[] {
  const refs = new Set<string>();
  for (const event of events) {
    const ref = nativeIdOfSubject(event.subject);
    if (ref !== undefined) refs.add(ref);
    for (const claim of claimedNativeIds(event)) refs.add(claim);
  }
  return [...refs];
}

/**
 * The events to fold into systems: each routed by packages/model's `routeEvent` (a system's own
 * events as they are, events of a mapped native id re-addressed to its system, those of an id no
 * mapping names left waiting). Events of ids mapped in this very batch are left out here: the
 * caller folds every stored event of those ids at once.
 */
export function routeToSystems(
  events: readonly MaturityEvent[],
  mappings: ReadonlyMap<string, string>,
  mappedNow: ReadonlySet<string>,
): MaturityEvent[] {
  const routed: MaturityEvent[] = [];
  for (const event of events) {
    const ref = nativeIdOfSubject(event.subject);
    if (ref !== undefined && mappedNow.has(ref)) continue;
    const own = routeEvent(event, mappings);
    if (own !== undefined) routed.push(own);
  }
  return routed;
}
