import { createHash } from "node:crypto";

/** The previous-hash of a system's first event. */
export const genesisHash = "0".repeat(64);

/**
 * JSON with object keys sorted at every depth: the same event always serialises to the same
 * bytes, whatever key order it arrived or was stored in (jsonb reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(",")}}`;
}

/** A chain link: covers the event's canonical form and the link before it. */
export function chainHash(prevHash: string, payload: unknown): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(payload)).digest("hex");
}
