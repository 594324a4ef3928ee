// An adapter's draft → the CloudEvent it stands for: the subject resolved through the catalogue
// and the event checked with the model's schema. The publisher does this for every route; the
// demo's first run does it for the PagerDuty deliveries it replays.
import { parseEvent, type MaturityEvent, type EventIssue } from "@maturity/model";
import type { EventDraft } from "./adapters/draft.ts";
import { subjectFor, type ResolveSystem } from "./systems.ts";

export type DraftEvent =
  { ok: true; event: MaturityEvent; unmapped: boolean } | { ok: false; issues: EventIssue[] };

/** Throws what the resolver throws (the caller decides what an unavailable catalogue means). */
export async function eventOfDraft(
  draft: EventDraft,
  resolve: ResolveSystem | undefined,
): Promise<DraftEvent> {
  const resolved = await subjectFor(draft.ref, resolve);
  const parsed = parseEvent({
    specversion: "1.0",
    id: draft.id,
    source: draft.source,
    type: draft.type,
    time: draft.time,
    subject: resolved.subject,
    datacontenttype: "application/json",
    ...(resolved.unmappedref === undefined ? {} : { unmappedref: resolved.unmappedref }),
    data: draft.data,
  });
  return parsed.ok
    ? { ok: true, event: parsed.event, unmapped: resolved.unmappedref !== undefined }
    : { ok: false, issues: parsed.issues };
}
