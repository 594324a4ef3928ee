// The CloudEvents an import writes. Each carries `origin`, so the next import can tell what it
// wrote, and an id derived from what it writes and what it follows (event-ids.ts).
import type { EventData, EventType } from "@maturity/model";
import { importEventId } from "./event-ids.ts";
import type { ImportedSystem } from "./imported-systems.ts";
import { importLocation, importSource } from "./import-source.ts";
import type { MappedSystem } from "./mapped-system.ts";

export interface ImportContext {
  location: string;
  now: Date;
}

/** An event before validation (plan-import.ts validates every one with the model's parseEvent). */
export interface EventCandidate<T extends EventType = EventType> {
  specversion: "1.0";
  id: string;
  source: string;
  type: T;
  time: string;
  subject: string;
  datacontenttype: "application/json";
  data: EventData<T>;
}

/** What the event follows: the known state's latest event, or its content, or nothing. */
export function replacesOf(known: ImportedSystem | undefined): string {
  return known === undefined ? "none" : (known.lastEventId ?? known.contentHash);
}

function candidate<T extends EventType>(
  type: T,
  subject: string,
  key: { entity: string; contentHash: string; replaces: string },
  data: EventData<T>,
  context: ImportContext,
): EventCandidate<T> {
  return {
    specversion: "1.0",
    id: importEventId({ ...key, type }),
    source: importSource(context.location),
    type,
    time: context.now.toISOString(),
    subject,
    datacontenttype: "application/json",
    data,
  };
}

function origin(entityRef: string, contentHash: string, context: ImportContext) {
  return {
    catalog: "backstage" as const,
    location: importLocation(context.location),
    entityRef,
    contentHash,
  };
}

function entry(system: MappedSystem, context: ImportContext) {
  return {
    name: system.name,
    team: system.team,
    kind: system.kind,
    riskTier: system.riskTier,
    // Copies: the events must not share lists with the mapped system (or with each other).
    sources: Object.fromEntries(Object.entries(system.sources).map(([key, ids]) => [key, [...ids]])),
    origin: origin(system.entityRef, system.contentHash, context),
  };
}

function keyOf(system: MappedSystem, known: ImportedSystem | undefined) {
  return {
    entity: system.uid ?? system.entityRef,
    contentHash: system.contentHash,
    replaces: replacesOf(known),
  };
}

/** A system entering the catalogue, or coming back after its retirement: its full entry. */
export function registeredEvent(
  system: MappedSystem,
  known: ImportedSystem | undefined,
  context: ImportContext,
): EventCandidate<"catalog.system.registered"> {
  const data = {
    ...entry(system, context),
    ...(system.description !== undefined && { description: system.description }),
  };
  return candidate("catalog.system.registered", system.systemId, keyOf(system, known), data, context);
}

/**
 * A changed entry, sent whole. An update changes only the fields it carries, so a description
 * the entity no longer has is sent empty: left out, the old one would stay.
 */
export function updatedEvent(
  system: MappedSystem,
  known: ImportedSystem,
  context: ImportContext,
): EventCandidate<"catalog.system.updated"> {
  const data = { ...entry(system, context), description: system.description ?? "" };
  return candidate("catalog.system.updated", system.systemId, keyOf(system, known), data, context);
}

export function ownerEvent(
  system: MappedSystem,
  known: ImportedSystem | undefined,
  context: ImportContext,
): EventCandidate<"gov.owner.assigned"> {
  return candidate(
    "gov.owner.assigned",
    system.systemId,
    keyOf(system, known),
    { owner: system.owner },
    context,
  );
}

/** A system whose entity left the catalogue; origin names the entity and its last content. */
export function retiredEvent(
  known: ImportedSystem,
  context: ImportContext,
): EventCandidate<"catalog.system.retired"> {
  const key = { entity: known.entityRef, contentHash: known.contentHash, replaces: replacesOf(known) };
  const data = { origin: origin(known.entityRef, known.contentHash, context) };
  return candidate("catalog.system.retired", known.systemId, key, data, context);
}
