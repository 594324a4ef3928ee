// The identity of a policy document: the same content hashes the same whatever its key order or
// layout, so re-activating an unchanged file can be recognised.
import { createHash } from "node:crypto";

/** JSON with every object's keys sorted: one text for one content. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === "object" && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** SHA-256 (hex) of the document's canonical JSON. */
export function contentHash(document: unknown): string {
  return createHash("sha256").update(canonicalJson(document)).digest("hex");
}
