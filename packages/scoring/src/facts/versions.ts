// Stored facts and the table's layout versions: a kind whose version moved since its facts were
// stored is refolded from its own events, while every other kind's stored facts are kept.
import type { EventType, MaturityEvent } from "@maturity/model";
import { addEvent, kindNames, kindOfEvent, kindVersions, type KindName } from "./kinds/index.ts";
import { systemFactKinds } from "./kinds/table.ts";
import type { SystemFacts } from "./types.ts";

// Facts stored before kinds had versions: every kind's layout was version 1.
const unversioned = Object.freeze(Object.fromEntries(kindNames.map((name) => [name, 1])));

/**
 * The kinds whose stored facts have another layout than this code's, or none at all (a kind added
 * since they were stored): they must be refolded.
 */
export function staleKinds(facts: SystemFacts): KindName[] {
  const stored: Partial<Record<KindName, number>> = facts.versions ?? unversioned;
  return kindNames.filter((name) => stored[name] !== kindVersions[name] || facts[name] === undefined);
}

/** The event types whose facts live in these kinds: what to read back from the event store. */
export function eventTypesOf(kinds: readonly KindName[]): EventType[] {
  return kinds.flatMap((name) => [...systemFactKinds[name].events]);
}

/**
 * Rebuilds these kinds of a system's facts from its events (all of them, in any order; events of
 * other kinds are skipped) and records their current versions. The other kinds, and the dedup
 * hashes, are left as they are: `events` must be the system's stored events, each once.
 */
export function refoldKinds(
  facts: SystemFacts,
  kinds: readonly KindName[],
  events: Iterable<MaturityEvent>,
): void {
  if (kinds.length === 0) return;
  const refolding = new Set(kinds);
  const rebuilt = facts as unknown as Record<KindName, unknown>;
  for (const name of refolding) rebuilt[name] = systemFactKinds[name].empty();
  for (const event of events) {
    const kind = kindOfEvent(event.type);
    if (kind !== undefined && refolding.has(kind)) addEvent(facts, event, Date.parse(event.time));
  }
  const stored = facts.versions ?? unversioned;
  const versions = Object.fromEntries(
    kindNames.map((name) => [name, refolding.has(name) ? kindVersions[name] : stored[name]]),
  ) as Record<KindName, number>;
  facts.versions = kindNames.every((name) => versions[name] === kindVersions[name]) ? kindVersions : versions;
}
