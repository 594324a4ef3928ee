import { createHash } from "node:crypto";

/** The previous-hash of a system's first event. */
export const genesisHash = "0".repeat(64);

/**
 * JSON with object keys sorted at every depth: the same event always serialises to the same
 * bytes, whatever key order it arrived or was stored in (jsonb reorders keys). Keys compare by
 * UTF-16 code units (the default sort), and undefined members are left out as JSON.stringify
 * leaves them out. Written as one string walk because every stored event passes through it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let out = "[";
    for (let index = 0; index < value.length; index++) {
      if (index > 0) out += ",";
      out += canonicalJson(value[index]);
    }
    return out + "]";
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = "{";
  let first = true;
  for (const key of keys) {
    const entry = record[key];
    if (entry === undefined) continue;
    out += (first ? "" : ",") + JSON.stringify(key) + ":" + canonicalJson(entry);
    first = false;
  }
  return out + "}";
}

/** A chain link: covers the event's canonical form and the link before it. */
export function chainHash(prevHash: string, payload: unknown): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(payload)).digest("hex");
}
