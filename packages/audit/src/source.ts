// What an audit pack is made from, wherever the events live: a file read twice, the event store
// read a page at a time, or a pack's own events.ndjson when it is verified.
import type { KeyObject } from "node:crypto";
import type { MaturityEvent } from "@maturity/model";
import type { ActivePolicy } from "@maturity/policy";

/** One event as the source holds it. */
export interface SourceEvent {
  event: MaturityEvent;
  /**
   * Its link in the system's hash chain as stored (the event store's `hash` column). Absent from a
   * file: the pack computes the chain as the store would. When present it is checked, and a pack
   * is never built over a stored chain that does not hold.
   */
  hash?: string;
}

/** One point of a system's score history: an axis's score from `at` on. */
export interface HistoryPoint {
  at: string;
  axis: string;
  score: number;
  level: number;
  /** The rubric (or policy) that computed it. */
  rubricVersion: string;
  /** Why the score was recomputed (the store's history only). */
  cause?: string;
  causeEventId?: string | null;
}

export interface AuditSource {
  systemId: string;
  /**
   * Native ids ("repo:org/fraud") mapped to the system: events stored under
   * "unmapped:<native id>" count as the system's own, as the worker routes them.
   */
  nativeIds?: readonly string[];
  /**
   * True when the source never gives one (source, id) twice, as the event store does not: the pack
   * then skips its own check for repeats (a file may repeat an event; the first one counts).
   */
  distinct?: boolean;
  /**
   * A fresh pass over the events, each call. It must hold every event that bears on the system at
   * or before asOf: the system's own chained events in chain order (the order they were stored,
   * which for a file is file order), its telemetry, the events of its native ids and every GPU
   * queue configuration. Events of other systems and events after asOf may be included; the pack
   * leaves them out (keeping only the chain's links up to its last event at or before asOf).
   */
  events(): AsyncIterable<SourceEvent>;
  /** The stored score history; without it the pack computes a weekly history from the events. */
  history?(): Promise<HistoryPoint[]>;
}

export interface AuditPackOptions {
  /** The moment the pack describes, epoch ms. */
  asOf: number;
  /** The rules to score with: the policy in force at asOf, or the one a user named. */
  policy: ActivePolicy;
  /** Who made the pack, e.g. "@maturity/cli 0.1.0": recorded in the manifest. */
  generator: string;
  /** An Ed25519 private key (a KeyObject or PKCS#8 PEM text); without one the pack is unsigned. */
  signingKey?: KeyObject | string;
}

export interface AuditPackResult {
  systemId: string;
  /** SHA-256 (hex) of manifest.json, the file the signature covers. */
  manifestSha256: string;
  /** SHA-256 (hex) of the signing key's public key in DER (SubjectPublicKeyInfo); absent when unsigned. */
  fingerprint?: string;
  /** Bytes of zip written. */
  bytes: number;
  /** The system's chain head as of asOf (also in the manifest). */
  chainHead: string;
  /** Lines in events.ndjson. */
  events: number;
}
