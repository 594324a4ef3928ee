// What the fold, new facts and the views derive from the table of fact kinds (./table.ts).
import type { EventType, MaturityEvent } from "@maturity/model";
import type { ColumnarKind, FactKind } from "./define.ts";
import { queueFactKinds, systemFactKinds, unusedEvents } from "./table.ts";

export type SystemFactKinds = typeof systemFactKinds;
export type KindName = keyof SystemFactKinds;

/** What a kind keeps for one system. */
export type FactsOf<Kind> = Kind extends { empty(): infer S } ? S : never;
/** One system's facts of every kind, by kind name. */
export type KindFacts = { [K in KindName]: FactsOf<SystemFactKinds[K]> };

/** The kinds kept column by column. */
export type ColumnListName = {
  [K in KindName]: SystemFactKinds[K] extends { storage: "columns" } ? K : never;
}[KindName];

type EventsOf<Kinds> = {
  [K in keyof Kinds]: Kinds[K] extends { events: readonly (infer E)[] } ? E : never;
}[keyof Kinds];
type PlacedEvent =
  EventsOf<SystemFactKinds> | EventsOf<typeof queueFactKinds> | (typeof unusedEvents)[number];
// Every event type of the model is folded by a kind or listed as unused in the table: a new event
// type fails to compile here, by name, until the table places it.
const unplacedEvents: Record<Exclude<EventType, PlacedEvent>, never> = {};
void unplacedEvents;

export const kindNames = Object.keys(systemFactKinds) as KindName[];

/** The names of the columnar kinds, in table order. */
export const columnListNames = kindNames.filter(
  (name): name is ColumnListName => (systemFactKinds[name] as { storage?: string }).storage === "columns",
);

/** Each kind's layout version, as stored facts record it (`SystemFacts.versions`). */
export const kindVersions: Readonly<Record<KindName, number>> = Object.freeze(
  Object.fromEntries(kindNames.map((name) => [name, systemFactKinds[name].version])) as Record<
    KindName,
    number
  >,
);

const asFactKind = (name: KindName) => systemFactKinds[name] as unknown as FactKind<EventType, unknown>;
const kindEntries = kindNames.map((name) => ({ name, kind: asFactKind(name) }));

const kindByEvent = new Map<EventType, (typeof kindEntries)[number]>();
for (const entry of kindEntries)
  for (const type of entry.kind.events) {
    const other = kindByEvent.get(type);
    if (other !== undefined)
      throw new Error(`${type} is folded by two fact kinds: ${other.name} and ${entry.name}`);
    kindByEvent.set(type, entry);
  }
const keptElsewhere = new Set<string>([...unusedEvents, ...queueFactKinds.configs.events]);

function entryOf(type: EventType) {
  const entry = kindByEvent.get(type);
  if (entry === undefined && !keptElsewhere.has(type)) throw new Error(`unhandled event type ${type}`);
  return entry;
}

/**
 * The kind that keeps events of this type in a system's facts; undefined for an event a system's
 * facts do not keep (unused, or org-level). Throws for a type the table does not know.
 */
export function kindOfEvent(type: EventType): KindName | undefined {
  return entryOf(type)?.name;
}

/** Folds an event (at time t, epoch ms) into the facts of its kind, if a system's facts keep it. */
export function addEvent(facts: KindFacts, event: MaturityEvent, t: number): void {
  const entry = entryOf(event.type);
  entry?.kind.add(facts[entry.name], event, t);
}

/** Every kind's facts before any event. */
export function emptyKindFacts(): KindFacts {
  return Object.fromEntries(kindEntries.map(({ name, kind }) => [name, kind.empty()])) as KindFacts;
}

/**
 * The earliest time any kind's facts count from as of `asOf` (Infinity when there are none). The
 * first time found at or before `horizon` is returned at once, for callers that only need to know
 * whether the facts reach back that far.
 */
export function firstKindTime(facts: KindFacts, asOf: number, horizon = -Infinity): number {
  let first = Infinity;
  for (const { name, kind } of kindEntries) {
    const t = kind.firstTime(facts[name], asOf);
    if (t < first) first = t; // an unreadable (NaN) time never counts as earlier
    if (first <= horizon) break;
  }
  return first;
}

/** The columnar kind behind each plain population of the rubric. */
export const plainPopulations = columnListNames.flatMap((list) => {
  const population = (systemFactKinds[list] as ColumnarKind<EventType, Record<string, unknown>>).population;
  return population === undefined ? [] : [{ list, ...population }];
});
