// events.ndjson, one event a line:
//   {"event":{…},"hash":"<hex>","seq":<n>}  a link of the system's hash chain, in chain order; the
//                                           event is in canonical JSON (keys sorted at every depth),
//                                           exactly the text its hash covers
//   {"event":{…}}                           an event the system's chain does not hold (telemetry,
//                                           a native id's event, a GPU queue's configuration), as
//                                           the source holds it
// `hash` is chainHash(hash of the previous link, or genesisHash for seq 1, event), exactly as the
// event store computes and keeps it, so the chain re-verifies offline: SHA-256 over the previous
// hash, a newline, and the event's canonical JSON.
import { canonicalJson, chainHash, genesisHash } from "@maturity/model/chain";
import type { MaturityEvent } from "@maturity/model";

export interface EventLine {
  event: MaturityEvent;
  hash?: string;
  seq?: number;
}

/**
 * One line of events.ndjson, newline included. Only a chain link's event is put in canonical form:
 * the rest (most of a pack: telemetry) is written as it came, which costs far less and is as
 * repeatable, since a source gives the same event the same way each time.
 */
export function eventLine(line: EventLine): string {
  return line.hash === undefined
    ? `{"event":${JSON.stringify(line.event)}}\n`
    : `{"event":${canonicalJson(line.event)},"hash":"${line.hash}","seq":${line.seq}}\n`;
}

/** Reads one line back; the reason when it is not one. */
export function parseEventLine(text: string): { ok: true; line: EventLine } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON (${(error as Error).message})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { ok: false, reason: "expected an object with an event" };
  const { event, hash, seq, ...rest } = value as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) return { ok: false, reason: `unexpected field ${extra[0]}` };
  if (typeof event !== "object" || event === null || Array.isArray(event))
    return { ok: false, reason: "expected an event object" };
  if ((hash === undefined) !== (seq === undefined))
    return { ok: false, reason: "a chain link needs both hash and seq" };
  if (hash !== undefined && (typeof hash !== "string" || !/^[0-9a-f]{64}$/.test(hash)))
    return { ok: false, reason: "hash is not 64 hex digits" };
  if (seq !== undefined && (typeof seq !== "number" || !Number.isSafeInteger(seq) || seq < 1))
    return { ok: false, reason: "seq is not a whole number from 1" };
  return {
    ok: true,
    line: {
      event: event as MaturityEvent,
      ...(hash !== undefined && { hash: hash as string, seq: seq as number }),
    },
  };
}

/** Follows a system's hash chain link by link from its genesis. */
export class ChainFollower {
  head = genesisHash;
  length = 0;

  /** Links the next event and returns its hash. */
  link(event: unknown): string {
    this.head = chainHash(this.head, event);
    this.length += 1;
    return this.head;
  }
}
