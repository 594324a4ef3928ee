// The events a report cites (criteria, risks, waivers name them by id) with their type, time and
// source, picked up as events.ndjson is written: a report cites at most a few hundred, so only
// those are kept, never every event.
import type { MaturityEvent, SystemReport } from "@maturity/model";
import { axes } from "@maturity/model";

export interface EvidenceEvent {
  id: string;
  type: string;
  time: string;
  source: string;
}

/** Every event id the report cites. */
export function citedIds(report: SystemReport): Set<string> {
  const ids = new Set<string>();
  for (const axis of axes)
    for (const criterion of report.axes[axis].criteria) for (const id of criterion.evidence) ids.add(id);
  for (const risk of report.risks) for (const id of risk.evidence) ids.add(id);
  for (const waiver of report.waivers ?? []) ids.add(waiver.eventId);
  return ids;
}

export class EvidenceCollector {
  private readonly found = new Map<string, EvidenceEvent>();
  constructor(private readonly wanted: ReadonlySet<string>) {}

  /** The first event with a cited id wins (ids are unique per source, rarely across them). */
  add(event: MaturityEvent): void {
    if (!this.wanted.has(event.id) || this.found.has(event.id)) return;
    this.found.set(event.id, { id: event.id, type: event.type, time: event.time, source: event.source });
  }

  result(): Map<string, EvidenceEvent> {
    return this.found;
  }
}
