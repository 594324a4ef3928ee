// How a fact kind is declared in the table (./table.ts): the events it folds, how it stores them
// (columns, records or daily buckets), its layout version and, for a plain population, which one.
// Everything else (the facts' types, new facts, the fold's dispatch, the views of plain
// populations, the first time a system was seen) is derived from the table.
import type { EventOf, EventType } from "@maturity/model";
import type { Population } from "@maturity/model/rubric";
import { dayMs } from "../../time.ts";
import { insertRow } from "../columns.ts";
import { insertByTime } from "../sorted.ts";

export interface Rec {
  /** Event id (evidence). */
  id: string;
  /** Event time, epoch ms. */
  t: number;
}

/**
 * A record list stored column by column: one array per field of R, all of the same length, row i
 * being the i-th record in (t, id) order. R must not have optional fields (JSON has no undefined).
 */
export type Columns<R extends Rec> = { [K in keyof R]: R[K][] };

declare const valueType: unique symbol;
/** A column holding values of type T. Only its type is used: it types the kind's records. */
export interface Column<T> {
  readonly [valueType]: T;
}
const column = <T>(): Column<T> => ({}) as Column<T>;

/** Column types for the table: `col.string`, or `col.of<T>()` for any other type. */
export const col = {
  string: column<string>(),
  number: column<number>(),
  boolean: column<boolean>(),
  of: column,
};

type ColumnSpec = Record<string, Column<unknown>>;
/** The fields (beyond id and t) of a record with these columns. */
export type FieldsOf<C extends ColumnSpec> = { [K in keyof C]: C[K] extends Column<infer T> ? T : never };

/** One kind of fact: the events it folds and how it keeps them. */
export interface FactKind<E extends EventType, S> {
  /**
   * The layout of this kind's stored facts. Bump it when the kind's columns, records or row builder
   * change: stored facts carry the version they were folded with (`SystemFacts.versions`), and only
   * the kinds whose version moved are refolded from their events (see facts/versions.ts).
   */
  readonly version: number;
  readonly events: readonly E[];
  /** The kind's facts before any event. */
  empty(): S;
  /** Folds one event (at time t, epoch ms) into the kind's facts. */
  add(facts: S, event: EventOf<E>, t: number): void;
  /** The earliest time the kind's facts count from as of `asOf`; Infinity when they have none. */
  firstTime(facts: S, asOf: number): number;
}

/** A plain population of the rubric: the rows of one columnar kind, as they are. */
export interface PlainPopulation<F> {
  name: Population;
  /**
   * For state evidence: the latest row per value of these fields holds until replaced (no fields:
   * the latest row of all). Without it, every row up to asOf counts.
   */
  latestPer?: readonly (keyof F & string)[];
}

export interface ColumnarKind<E extends EventType, F> extends FactKind<E, Columns<Rec & F>> {
  readonly storage: "columns";
  /** The column names beyond id and t. */
  readonly fields: readonly (keyof F & string)[];
  readonly population: PlainPopulation<F> | undefined;
}

/** High-volume facts: one record per event, kept column by column. */
export function columnar<E extends EventType, C extends ColumnSpec>(kind: {
  version: number;
  events: readonly E[];
  columns: C;
  row: (event: EventOf<E>) => FieldsOf<C>;
  population?: PlainPopulation<FieldsOf<C>>;
}): ColumnarKind<E, FieldsOf<C>> {
  type F = FieldsOf<C>;
  const fields = Object.keys(kind.columns) as (keyof F & string)[];
  return {
    storage: "columns",
    version: kind.version,
    events: kind.events,
    fields,
    population: kind.population,
    empty: () =>
      ({ id: [], t: [], ...Object.fromEntries(fields.map((name) => [name, []])) }) as unknown as Columns<
        Rec & F
      >,
    add: (cols, event, t) => insertRow(cols, event.id, t, kind.row(event)),
    firstTime: (cols) => cols.t[0] ?? Infinity,
  };
}

/** Few, irregular or nested facts: one record object per event, in (t, id) order. */
export function records<E extends EventType, F extends object>(kind: {
  version: number;
  events: readonly E[];
  row: (event: EventOf<E>) => F;
}): FactKind<E, (Rec & F)[]> {
  return {
    version: kind.version,
    events: kind.events,
    empty: () => [],
    add: (list, event, t) => insertByTime(list, { id: event.id, t, ...kind.row(event) }),
    firstTime: (list) => list[0]?.t ?? Infinity,
  };
}

/** Telemetry aggregated into buckets of one UTC day (sorted by day), by `add`. */
export function dailyBuckets<E extends EventType, B extends { day: number }>(kind: {
  version: number;
  events: readonly E[];
  add: (buckets: B[], event: EventOf<E>, t: number) => void;
}): FactKind<E, B[]> {
  return {
    version: kind.version,
    events: kind.events,
    empty: () => [],
    add: kind.add,
    // A bucket counts only as a whole day (see bucketInRange), so a day still in progress at
    // `asOf` does not count yet; the day's start stands in for its first event.
    firstTime: (buckets, asOf) => {
      const head = buckets[0];
      return head !== undefined && head.day + dayMs - 1 <= asOf ? head.day : Infinity;
    },
  };
}
