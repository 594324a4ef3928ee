// `maturity emit`: the event it sends, built from the flags and validated with the catalogue's own
// schema (parseEvent), so whatever passes here passes ingest's validation too.
import { createHash } from "node:crypto";
import { editDistance } from "@maturity/config";
import {
  eventTypes,
  isEventType,
  jsonLimits,
  parseEvent,
  type EventIssue,
  type MaturityEvent,
} from "@maturity/model";
import { canonicalJson } from "@maturity/model/chain";

/** --source when none is given: a URN, as the portal's own events use `urn:maturity:portal`. */
export const defaultSource = "urn:maturity:cli";

export interface EmitInput {
  type: string;
  subject: string;
  source: string;
  /** The parsed JSON of --data or --data-file, or undefined when neither was given. */
  data: unknown;
  /** Which flag the data came from, for messages. */
  dataFlag?: "--data" | "--data-file";
  /** --id; derived when undefined (deriveEventId). */
  id?: string;
  /** --time; now (whole seconds, UTC) when undefined. */
  time?: string;
}

export type BuiltEvent =
  { ok: true; event: MaturityEvent; derivedId: boolean } | { ok: false; problems: string[] };

/**
 * The id of an event sent without --id: a hash of its type, subject, source and data (in canonical
 * JSON, so key order and spacing do not matter) and of --time when one is given, never of the
 * clock. A CI job retried with the same inputs therefore sends the same id, and the store, which
 * keeps one event per (source, id), keeps it once.
 */
export function deriveEventId(input: {
  type: string;
  subject: string;
  source: string;
  data: unknown;
  time?: string | undefined;
}): string {
  const identity = canonicalJson({
    type: input.type,
    subject: input.subject,
    source: input.source,
    data: input.data,
    time: input.time,
  });
  return `emit-${createHash("sha256").update(identity).digest("hex").slice(0, 32)}`;
}

/** RFC 3339 in UTC, whole seconds: `2026-11-24T09:30:00Z`. */
export function rfc3339Now(now: number): string {
  return new Date(Math.floor(now / 1000) * 1000).toISOString().replace(/\.000Z$/, "Z");
}

/** The catalogued types nearest a mistyped one: within a few edits, or under the prefix given. */
export function closestEventTypes(type: string, count = 5): string[] {
  const wanted = type.toLowerCase();
  return eventTypes
    .map((candidate) => ({ candidate, distance: editDistance(wanted, candidate) }))
    .filter(
      ({ candidate, distance }) =>
        distance <= Math.max(2, Math.floor(wanted.length / 4)) ||
        (wanted.length >= 3 && candidate.startsWith(wanted)),
    )
    .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, count)
    .map(({ candidate }) => candidate);
}

export function unknownTypeMessage(type: string): string {
  const close = closestEventTypes(type);
  const guess = close.length > 0 ? `; did you mean ${close.join(", ")}?` : "";
  return `unknown event type ${JSON.stringify(type)}${guess}\nThe catalogued types (docs/event-catalogue.md): ${eventTypes.join(", ")}`;
}

/**
 * The event the flags describe, validated as ingest validates it; or every problem, each naming
 * the field, the flag it came from and what was expected.
 */
export function buildEmitEvent(input: EmitInput, now: number): BuiltEvent {
  if (!isEventType(input.type)) return { ok: false, problems: [unknownTypeMessage(input.type)] };
  const problems: string[] = [];
  if (/[\s\p{Cc}]/u.test(input.source)) {
    problems.push(
      `source (--source): expected a URI-reference without spaces, e.g. ${defaultSource} or https://github.com/acme/fraud-scoring, got ${JSON.stringify(input.source)}`,
    );
  }
  const time = input.time ?? rfc3339Now(now);
  const data = input.data ?? {};
  const candidate = {
    specversion: "1.0",
    // Validated with a stand-in first: the hash is only taken of data that passed the shape limits.
    id: input.id ?? "derived",
    source: input.source,
    type: input.type,
    subject: input.subject,
    time,
    datacontenttype: "application/json",
    data,
  };
  const parsed = parseEvent(candidate, { now });
  if (!parsed.ok) {
    problems.push(...parsed.issues.map((issue) => describeIssue(issue, input)));
    if (input.data === undefined && parsed.issues.some((issue) => issue.path.startsWith("data"))) {
      problems.push(`(no --data or --data-file was given, so the data was {})`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const id =
    input.id ??
    deriveEventId({ type: input.type, subject: input.subject, source: input.source, data, time: input.time });
  const event = { ...candidate, id } as MaturityEvent;
  const bytes = Buffer.byteLength(JSON.stringify(event));
  if (bytes > jsonLimits.eventBytes) {
    return {
      ok: false,
      problems: [
        `data (${input.dataFlag ?? "--data"}): the event is ${bytes} bytes as JSON, over the ${jsonLimits.eventBytes}-byte limit of one event`,
      ],
    };
  }
  return { ok: true, event, derivedId: input.id === undefined };
}

const envelopeFlags: Record<string, string> = {
  type: "<type>",
  id: "--id",
  source: "--source",
  subject: "--subject",
  time: "--time",
};

/** `data.status (--data): expected one of succeeded|failed, got "ok"`. */
function describeIssue(issue: EventIssue, input: EmitInput): string {
  const field = /^[A-Za-z]+/.exec(issue.path)?.[0] ?? "";
  const flag = field === "data" ? (input.dataFlag ?? "--data") : envelopeFlags[field];
  const where = issue.path === "" ? "(event)" : issue.path;
  return `${where}${flag === undefined ? "" : ` (${flag})`}: ${issue.message}`;
}
