import type { MaturityEvent } from "@maturity/model";

/** Catalogue `sources` keys and the kind of native id each lists (as ingest names them). */
const sourceKinds = {
  repos: "repo",
  registryModels: "registryModel",
  services: "service",
  gpuQueues: "gpuQueue",
} as const;

/** "unmapped:repo:org/x" → "repo:org/x"; undefined for a system's own subject. */
export function unmappedRefOf(subject: string): string | undefined {
  return subject.startsWith("unmapped:") ? subject.slice("unmapped:".length) : undefined;
}

/** The native ids these events' catalogue entries claim, and the unmapped ids they carry. */
export function refsMentioned(events: readonly MaturityEvent[]): string[] {
  const refs = new Set<string>();
  for (const event of events) {
    const ref = unmappedRefOf(event.subject);
    if (ref !== undefined) refs.add(ref);
    for (const claim of sourceClaims(event)) refs.add(claim);
  }
  return [...refs];
}

function sourceClaims(event: MaturityEvent): string[] {
  if (event.type !== "catalog.system.registered" && event.type !== "catalog.system.updated") return [];
  const sources = event.data.sources;
  if (sources === undefined) return [];
  return Object.entries(sourceKinds).flatMap(([key, kind]) =>
    ((sources as Record<string, string[] | undefined>)[key] ?? []).map((id) => `${kind}:${id}`),
  );
}

/**
 * Adds the mappings these events' catalogue entries declare (the first claim on an id wins;
 * events in time order) and returns the ids mapped for the first time.
 */
export function evolveSourceMappings(
  mappings: Map<string, string>,
  events: readonly MaturityEvent[],
): string[] {
  const added: string[] = [];
  // Only catalogue entries claim ids: sort those few, not the whole batch.
  const ordered = events
    .filter((event) => sourceClaims(event).length > 0)
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || (a.id < b.id ? -1 : 1));
  for (const event of ordered) {
    for (const ref of sourceClaims(event)) {
      if (mappings.has(ref)) continue;
      mappings.set(ref, event.subject);
      added.push(ref);
    }
  }
  return added;
}

/**
 * The events to fold into systems: a system's own events as they are, and events of a mapped
 * native id re-addressed to its system. Events of ids mapped in this very batch are left out here:
 * the caller folds every stored event of those ids at once.
 */
export function routeToSystems(
  events: readonly MaturityEvent[],
  mappings: ReadonlyMap<string, string>,
  mappedNow: ReadonlySet<string>,
): MaturityEvent[] {
  const routed: MaturityEvent[] = [];
  for (const event of events) {
    const ref = unmappedRefOf(event.subject);
    if (ref === undefined) routed.push(event);
    else if (mappings.has(ref) && !mappedNow.has(ref)) routed.push(readdressed(event, mappings.get(ref)!));
  }
  return routed;
}

export function readdressed(event: MaturityEvent, systemId: string): MaturityEvent {
  return { ...event, subject: systemId } as MaturityEvent;
}
