import type { EventType } from "@maturity/model";
import type { SubjectRef } from "../systems.ts";

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
  ref: SubjectRef;
  data: Record<string, unknown>;
}

/** An item of a delivery (an alert of a group) left out while the others went through, and why. */
export interface SkippedItem {
  /** Its position in the delivery. */
  index: number;
  /** Its native id (an alert's fingerprint). */
  id: string;
  reason: string;
}

/**
 * What an adapter makes of one delivery: events, or a reason why it carries no evidence; either
 * way with the items it had to leave out, when there are some.
 */
export type AdapterResult =
  | { drafts: EventDraft[]; ignored?: undefined; skipped?: SkippedItem[] }
  | { drafts: []; ignored: string; skipped?: SkippedItem[] };

export function ignored(reason: string): AdapterResult {
  return { drafts: [], ignored: reason };
}

/** Drops undefined values so optional fields are absent rather than present-and-undefined. */
export function compact<T extends Record<string, unknown>>(data: T): Partial<T> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as Partial<T>;
}
