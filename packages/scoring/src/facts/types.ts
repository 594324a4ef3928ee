// Facts: the fold of a system's events, kept as plain JSON data (no Map, Set, Date or classes) so
// the worker can store them per system and fold new events in later. Times are epoch milliseconds.
// Every record list is sorted by (t, id), which makes the fold independent of arrival order.
// High-volume record lists are stored column by column (`Columns<R>`: one array per field) rather
// than as one object per event: a tenth of the heap objects for the garbage collector to trace,
// and compact JSON for the worker, which rewrites a system's facts every batch.
// The kinds of facts and their layouts are declared in one table, kinds/table.ts; the types here
// are derived from it.
import type { Rec } from "./kinds/define.ts";
import type { ColumnListName, FactsOf, KindFacts, KindName } from "./kinds/index.ts";
import type { CatalogEntry, queueFactKinds, ToolCatalogEntry } from "./kinds/table.ts";

export type { Columns, Rec } from "./kinds/define.ts";
export type { ColumnListName, KindName } from "./kinds/index.ts";
export type { AgentRunBucket, LlmCallBucket } from "./telemetry.ts";

/**
 * Bump when the frame of SystemFacts (systemId, seen, versions) changes: stored facts of another
 * version are refolded whole. A change to one kind bumps that kind's version in the table instead.
 */
export const factsVersion = 2;

/** The record of one row of a columnar kind. */
export type FactRow<K extends ColumnListName> = {
  [Field in keyof KindFacts[K]]: KindFacts[K][Field] extends readonly (infer V)[] ? V : never;
};

export type CatalogRec = Rec & CatalogEntry;
export type ToolCatalogRec = Rec & ToolCatalogEntry;
export type DeployRec = FactRow<"deploys">;
export type EvalRunRec = FactRow<"evalRuns">;

/** Everything known about one system, keyed by the events' `subject`: one entry per fact kind. */
export interface SystemFacts extends KindFacts {
  systemId: string;
  /**
   * Sorted 53-bit hashes of (source, id): a folded event is never counted twice. Left empty by
   * folds with `assumeNew` (the worker's event store already dedupes).
   */
  seen: number[];
  /**
   * The layout version each kind's facts were folded with. Absent from facts stored before kinds
   * had versions, whose kinds were all at version 1.
   */
  versions?: Readonly<Record<KindName, number>>;
}

export type QueueConfigRec = FactsOf<typeof queueFactKinds.configs>[number];
/** GPU queues are org-level: subject = queue name. */
export interface QueueFacts {
  queue: string;
  seen: number[];
  configs: QueueConfigRec[];
}

export interface OrgFacts {
  factsVersion: typeof factsVersion;
  systems: Record<string, SystemFacts>;
  queues: Record<string, QueueFacts>;
}
