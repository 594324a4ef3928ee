// Native ids: what a tool that knows nothing of the catalogue calls a system's part (a repository,
// a registry model, a service, a GPU queue), and how its events find their system. The kinds are
// declared once here; everything else (the catalogue's `sources` keys, the text forms in subjects
// and mappings, the routing of events to systems) is derived from this one declaration.
import type { MaturityEvent } from "../events/catalogue.ts";
import { isOrganisationEvent } from "../events/organisation.ts";

/**
 * Every kind of native id: its name (as in "repo:org/x"), the catalogue `sources` key that lists
 * ids of that kind, and what to call it in prose. The one declaration of the concept.
 */
export const nativeIdKinds = {
  repo: { sourcesKey: "repos", label: "repository" },
  registryModel: { sourcesKey: "registryModels", label: "registry model" },
  service: { sourcesKey: "services", label: "service" },
  gpuQueue: { sourcesKey: "gpuQueues", label: "GPU queue" },
} as const satisfies Record<string, { sourcesKey: string; label: string }>;

export type NativeIdKind = keyof typeof nativeIdKinds;
/** A key of a catalogue entry's `sources`: "repos", "registryModels", … */
export type SourcesKey = (typeof nativeIdKinds)[NativeIdKind]["sourcesKey"];

/** The kinds in declaration order. */
export const nativeIdKindNames = Object.keys(nativeIdKinds) as [NativeIdKind, ...NativeIdKind[]];

/** The catalogue `sources` keys in declaration order. */
export const sourcesKeys = nativeIdKindNames.map((kind) => nativeIdKinds[kind].sourcesKey) as [
  SourcesKey,
  ...SourcesKey[],
];

const kindBySourcesKey = new Map<string, NativeIdKind>(
  nativeIdKindNames.map((kind) => [nativeIdKinds[kind].sourcesKey, kind]),
);

export function isNativeIdKind(value: string): value is NativeIdKind {
  return Object.hasOwn(nativeIdKinds, value);
}

/** The catalogue `sources` key listing ids of this kind ("repo" → "repos"). */
export function sourcesKeyOf(kind: NativeIdKind): SourcesKey {
  return nativeIdKinds[kind].sourcesKey;
}

/** The kind of id a catalogue `sources` key lists ("repos" → "repo"); undefined for another key. */
export function kindOfSourcesKey(key: string): NativeIdKind | undefined {
  return kindBySourcesKey.get(key);
}

/** A native id as an adapter saw it, before the catalogue maps it to a system. */
export interface NativeId {
  kind: NativeIdKind;
  id: string;
}

/**
 * The text form of a native id, "<kind>:<id>" ("repo:org/fraud"): the key of a source mapping,
 * the row of the unmapped list, and (prefixed) the subject of an event still waiting for a mapping.
 */
export function formatNativeId(ref: NativeId): string {
  return `${ref.kind}:${ref.id}`;
}

/** "repo:org/fraud" → { kind: "repo", id: "org/fraud" }; undefined for an unknown kind or no id. */
export function parseNativeId(text: string): NativeId | undefined {
  const separator = text.indexOf(":");
  if (separator <= 0 || separator === text.length - 1) return undefined;
  const kind = text.slice(0, separator);
  return isNativeIdKind(kind) ? { kind, id: text.slice(separator + 1) } : undefined;
}

/** What `"<kind>:<id>"` reads as, for messages that ask for one. */
export const nativeIdFormat = `<${nativeIdKindNames.join("|")}>:<id>`;

const unmappedPrefix = "unmapped:";

/** The subject of an event of a native id no mapping names yet: "unmapped:repo:org/fraud". */
export function unmappedSubject(ref: NativeId | string): string {
  return unmappedPrefix + (typeof ref === "string" ? ref : formatNativeId(ref));
}

export function isUnmappedSubject(subject: string): boolean {
  return subject.startsWith(unmappedPrefix);
}

/** "unmapped:repo:org/x" → "repo:org/x"; undefined for a system's own subject. */
export function nativeIdOfSubject(subject: string): string | undefined {
  return isUnmappedSubject(subject) ? subject.slice(unmappedPrefix.length) : undefined;
}

/** A catalogue entry's `sources`: the native ids of each kind that belong to the system. */
export type CatalogueSources = { readonly [K in SourcesKey]?: readonly string[] };

/** The native ids (text form, declaration order) a catalogue entry's `sources` lists. */
export function nativeIdsOfSources(sources: CatalogueSources | undefined): string[] {
  if (sources === undefined) return [];
  return nativeIdKindNames.flatMap((kind) =>
    (sources[sourcesKeyOf(kind)] ?? []).map((id) => formatNativeId({ kind, id })),
  );
}

/** The catalogue `sources` that list these native ids: { repos: ["org/x"] } for repo:org/x. */
export function sourcesOf(refs: readonly NativeId[]): CatalogueSources {
  const sources: Partial<Record<SourcesKey, string[]>> = {};
  for (const { kind, id } of refs) (sources[sourcesKeyOf(kind)] ??= []).push(id);
  return sources;
}

/** The native ids (text form) a catalogue registration or update claims for its system. */
export function claimedNativeIds(event: MaturityEvent): string[] {
  if (event.type !== "catalog.system.registered" && event.type !== "catalog.system.updated") return [];
  return nativeIdsOfSources(event.data.sources);
}

/**
 * Adds the mappings these events' catalogue entries declare and returns the ids mapped for the
 * first time. The first claim on an id wins: an id already mapped keeps its system, and among
 * these events the earliest (by event time, then id) claims it. The worker applies it batch by
 * batch; `maturity score` applies it to a whole file at once.
 */
export function addClaimedMappings(
  mappings: Map<string, string>,
  events: readonly MaturityEvent[],
): string[] {
  const added: string[] = [];
  // Only catalogue entries claim ids: sort those few, not all the events.
  const ordered = events
    .filter((event) => claimedNativeIds(event).length > 0)
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || (a.id < b.id ? -1 : 1));
  for (const event of ordered) {
    for (const ref of claimedNativeIds(event)) {
      if (mappings.has(ref)) continue;
      mappings.set(ref, event.subject);
      added.push(ref);
    }
  }
  return added;
}

/** Native ids (text form) to the systems they are mapped to: a map, or a lookup function. */
export type NativeIdMappings = ReadonlyMap<string, string> | ((ref: string) => string | undefined);

function lookUp(mappings: NativeIdMappings, ref: string): string | undefined {
  const systemId = typeof mappings === "function" ? mappings(ref) : mappings.get(ref);
  return systemId === "" ? undefined : systemId;
}

/**
 * THE routing of events to systems. A system's own subject is its id; the subject of a native id
 * ("unmapped:<kind>:<id>") belongs to the system a mapping names, and to none while no mapping
 * does (its events wait in the store, never dropped). Other subjects (a GPU queue's policy events)
 * are left as they are.
 */
export function systemIdOf(subject: string, mappings: NativeIdMappings): string | undefined {
  const ref = nativeIdOfSubject(subject);
  return ref === undefined ? subject : lookUp(mappings, ref);
}

/**
 * An event as its system folds it: as it is when it is the system's own, re-addressed to the
 * system its native id is mapped to, or undefined while the id is mapped to none.
 */
export function routeEvent<E extends { subject: string }>(
  event: E,
  mappings: NativeIdMappings,
): E | undefined {
  const systemId = systemIdOf(event.subject, mappings);
  if (systemId === undefined) return undefined;
  return systemId === event.subject ? event : readdressed(event, systemId);
}

/**
 * Whether an event is about a system: not an organisation-wide event (a GPU queue's, a policy's),
 * and not waiting for a mapping of its native id.
 */
export function isSystemEvent(event: { type: string; subject: string }): boolean {
  return !isOrganisationEvent(event) && !isUnmappedSubject(event.subject);
}

/** The event with its subject replaced by a system id (a copy; the stored event keeps its own). */
export function readdressed<E extends { subject: string }>(event: E, systemId: string): E {
  return { ...event, subject: systemId };
}
