import type { EventType } from "@maturity/model";
import type { SystemRef } from "../systems.ts";

/**
 * An event an adapter derived from a native payload, before its subject is resolved. `id` and
 * `source` are chosen so that a redelivery of the same native message gives the same pair: the
 * event store's (source, id) dedupe turns replays into no-ops.
 */
export interface EventDraft {
  type: EventType;
  id: string;
  source: string;
  /** RFC 3339. */
  time: string;
  ref: SystemRef;
  data: Record<string, unknown>;
}

/** What an adapter makes of one delivery: events, or a reason why it carries no evidence. */
export type AdapterResult = { drafts: EventDraft[]; ignored?: undefined } | { drafts: []; ignored: string };

export function ignored(reason: string): AdapterResult {
  return { drafts: [], ignored: reason };
}

/** Drops undefined values so optional fields are absent rather than present-and-undefined. */
export function compact<T extends Record<string, unknown>>(data: T): Partial<T> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as Partial<T>;
}
