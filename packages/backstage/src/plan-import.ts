// Planning an import: the events that bring our catalogue in line with a set of Backstage
// entities, given what earlier imports from the same location left. Idempotent: the same inputs
// give the same events (ids included), and an import of an unchanged catalogue gives none.
import { formatIssues, parseEvent, type MaturityEvent } from "@maturity/model";
import type { ImportedSystem } from "./imported-systems.ts";
import {
  ownerEvent,
  registeredEvent,
  retiredEvent,
  updatedEvent,
  type EventCandidate,
  type ImportContext,
} from "./import-events.ts";
import { placeOf, type LocatedEntity } from "./located-entity.ts";
import type { MappedSystem } from "./mapped-system.ts";
import { mapEntities } from "./map-entities.ts";
import { defaultMappingOptions, type BackstageMappingOptions } from "./mapping-options.ts";
import { namedOwner } from "./named-owner.ts";
import type { EntityProblem } from "./problems.ts";
import { validateEntities } from "./validate-entity.ts";

export interface PlanImportInput {
  /** The entities as read (readEntityFiles) or fetched (fetchCatalogueEntities); validated here. */
  entities: readonly LocatedEntity[];
  /** What earlier imports from this location left (importedSystemsFrom, or the event store). */
  known: readonly ImportedSystem[];
  /** The files' path or the catalogue's URL: the events' source is `backstage:<location>`. */
  location: string;
  /** Retire the systems earlier imports registered whose entity is gone. */
  retireMissing: boolean;
  /** The events' time. */
  now: Date;
  options?: BackstageMappingOptions;
  /** Problems found before (readEntityFiles'): listed as skipped, and they hold back retirement. */
  problems?: readonly EntityProblem[];
}

export interface PlannedChange {
  systemId: string;
  entityRef: string;
  file?: string;
  line?: number;
}

export interface ImportSummary {
  registered: PlannedChange[];
  updated: PlannedChange[];
  retired: PlannedChange[];
  /**
   * Systems that would be retired but whose entity may only be unreadable this time: it is among
   * the skipped, or a document or file could not be read at all. Retired once the problem is fixed
   * and the entity is really gone.
   */
  notRetired: PlannedChange[];
  unchanged: number;
  notMlSystems: number;
  /** Ids of the systems with no maturity.dev/risk-tier annotation (minimal assumed). */
  riskTierAssumed: string[];
  skipped: EntityProblem[];
}

export interface ImportPlan {
  events: MaturityEvent[];
  summary: ImportSummary;
}

export async function planBackstageImport(input: PlanImportInput): Promise<ImportPlan> {
  const context: ImportContext = { location: input.location, now: input.now };
  const { valid, problems: invalid } = await validateEntities(input.entities);
  const mapped = mapEntities(valid, input.options ?? defaultMappingOptions);
  const summary: ImportSummary = {
    registered: [],
    updated: [],
    retired: [],
    notRetired: [],
    unchanged: 0,
    notMlSystems: mapped.notMlSystems,
    riskTierAssumed: [],
    skipped: [...(input.problems ?? []), ...invalid, ...mapped.problems],
  };
  const events: MaturityEvent[] = [];
  const known = new Map(input.known.map((system) => [system.systemId, system]));
  for (const system of mapped.systems) {
    const before = known.get(system.systemId);
    const change = plannedChange(system, before, context);
    if (change === undefined) {
      summary.unchanged++;
    } else {
      const checked = checkEvents(change.events, input.now);
      if (!checked.ok) {
        summary.skipped.push({
          ...placeOf(system),
          entityRef: system.entityRef,
          reason: `does not fit a catalogue event: ${checked.reason}`,
        });
        continue;
      }
      events.push(...checked.events);
      summary[change.kind].push(changeOf(system));
    }
    if (system.riskTierAssumed) summary.riskTierAssumed.push(system.systemId);
  }
  if (input.retireMissing) planRetirements(input, mapped.systems, summary, events, context);
  return { events, summary };
}

function changeOf(system: MappedSystem): PlannedChange {
  return { systemId: system.systemId, entityRef: system.entityRef, ...placeOf(system) };
}

/** The events one mapped system needs, or undefined when it is as the last import left it. */
function plannedChange(
  system: MappedSystem,
  known: ImportedSystem | undefined,
  context: ImportContext,
): { kind: "registered" | "updated"; events: EventCandidate[] } | undefined {
  const owner = namedOwner(system.owner);
  if (known === undefined || known.retired)
    return {
      kind: "registered",
      events: [
        registeredEvent(system, known, context),
        ...(owner === undefined ? [] : [ownerEvent(system, known, context)]),
      ],
    };
  // A placeholder owner assigns nobody, so it never differs from what was assigned.
  const ownerChanged = owner !== undefined && known.owner !== owner;
  // A system id that moved to another entity is a change even when the content is the same.
  if (known.contentHash === system.contentHash && known.entityRef === system.entityRef) {
    // The owner is in the hash: a different one means an earlier import stopped between its
    // entry and its owner event. The owner event alone finishes it.
    return ownerChanged ? { kind: "updated", events: [ownerEvent(system, known, context)] } : undefined;
  }
  const events: EventCandidate[] = [updatedEvent(system, known, context)];
  if (ownerChanged) events.push(ownerEvent(system, known, context));
  return { kind: "updated", events };
}

/**
 * Every event through the model's own validation. What the entity wrote may still not fit an
 * event (a team name past the length limit): the entity is then skipped with the reason.
 */
function checkEvents(
  candidates: readonly EventCandidate[],
  now: Date,
): { ok: true; events: MaturityEvent[] } | { ok: false; reason: string } {
  const events: MaturityEvent[] = [];
  for (const candidate of candidates) {
    const parsed = parseEvent(candidate, { now: now.getTime() });
    if (!parsed.ok) return { ok: false, reason: formatIssues(parsed.issues) };
    events.push(parsed.event);
  }
  return { ok: true, events };
}

function planRetirements(
  input: PlanImportInput,
  systems: readonly MappedSystem[],
  summary: ImportSummary,
  events: MaturityEvent[],
  context: ImportContext,
): void {
  const present = new Set(systems.map((system) => system.systemId));
  // An entity that could not be read this time may still be there: its system is kept.
  const unreadable = summary.skipped.some((problem) => problem.entityRef === undefined);
  const skippedRefs = new Set(summary.skipped.map((problem) => problem.entityRef));
  const missing = input.known
    .filter((system) => !system.retired && !present.has(system.systemId))
    .sort((a, b) => (a.systemId < b.systemId ? -1 : a.systemId > b.systemId ? 1 : 0));
  for (const system of missing) {
    const change = { systemId: system.systemId, entityRef: system.entityRef };
    if (unreadable || skippedRefs.has(system.entityRef)) {
      summary.notRetired.push(change);
      continue;
    }
    const parsed = parseEvent(retiredEvent(system, context), { now: input.now.getTime() });
    // Nothing of a retirement comes from an entity: a refusal is a bug here, not bad input.
    if (!parsed.ok)
      throw new Error(`a planned retirement is not a valid event: ${formatIssues(parsed.issues)}`);
    events.push(parsed.event);
    summary.retired.push(change);
  }
}
