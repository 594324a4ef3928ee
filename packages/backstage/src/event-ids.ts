// Deterministic event ids: the store dedupes on (source, id), so an import retried with the same
// inputs writes nothing twice, while every real change gets an id of its own.
import { createHash } from "node:crypto";
import { canonicalJson } from "@maturity/model/chain";
import type { EventType } from "@maturity/model";

export interface ImportEventKey {
  /** metadata.uid when the catalogue gave one, else the entity ref. */
  entity: string;
  /** The hash of the content the event writes (for a retirement: of the last imported content). */
  contentHash: string;
  /** What the event follows: the last imported event's id (or content hash), "none" at first. */
  replaces: string;
  type: EventType;
}

/** `backstage-` and the sha256 of the key's canonical JSON. */
export function importEventId(key: ImportEventKey): string {
  const hashed = [key.entity, key.contentHash, key.replaces, key.type];
  return `backstage-${createHash("sha256").update(canonicalJson(hashed)).digest("hex")}`;
}
