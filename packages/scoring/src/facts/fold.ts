// The fold: evolve(facts, event) → facts. Facts are updated in place and returned, because the
// worker and the benchmark fold millions of events; copying per event would dominate the cost.
import { isOrganisationEvent, type MaturityEvent } from "@maturity/model";
import { dedupHash } from "./dedup-key.ts";
import { initialQueueFacts, initialSystemFacts } from "./initial.ts";
import { addEvent } from "./kinds/index.ts";
import { queueFactKinds } from "./kinds/table.ts";
import { addToSortedSet } from "./sorted.ts";
import type { OrgFacts, SystemFacts } from "./types.ts";

export interface FoldOptions {
  /**
   * The caller guarantees every event is new to these facts (the worker: its event store dedupes
   * by (source, id) in the same transaction). Skips the `seen` hash set, which otherwise grows by
   * one entry per event forever. Only for callers that really dedupe: a repeated event would count
   * twice. The default (false) keeps the fold idempotent.
   */
  assumeNew?: boolean;
}

export function evolve(facts: OrgFacts, event: MaturityEvent, options: FoldOptions = {}): OrgFacts {
  if (event.type === "gpu.queue.configured") {
    const queue = (facts.queues[event.subject] ??= initialQueueFacts(event.subject));
    if (options.assumeNew !== true && !addToSortedSet(queue.seen, dedupHash(event.source, event.id)))
      return facts;
    queueFactKinds.configs.add(queue.configs, event, Date.parse(event.time));
    return facts;
  }
  if (isOrganisationEvent(event)) return facts; // a policy change is applied by the caller, not folded
  const system = (facts.systems[event.subject] ??= initialSystemFacts(event.subject));
  evolveSystem(system, event, options);
  return facts;
}

export function foldEvents(
  facts: OrgFacts,
  events: Iterable<MaturityEvent>,
  options: FoldOptions = {},
): OrgFacts {
  for (const event of events) evolve(facts, event, options);
  return facts;
}

/**
 * Folds one event into one system's facts (the worker's unit: it loads a system's facts, folds the
 * new events, stores them). Returns false for a duplicate, which changes nothing. The worker passes
 * `{ assumeNew: true }` (see FoldOptions).
 */
export function evolveSystem(s: SystemFacts, event: MaturityEvent, options: FoldOptions = {}): boolean {
  if (options.assumeNew !== true && !addToSortedSet(s.seen, dedupHash(event.source, event.id))) return false;
  addEvent(s, event, Date.parse(event.time));
  return true;
}
