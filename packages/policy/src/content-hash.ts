// The identity of a policy document: the same content hashes the same whatever its key order or
// layout, so re-activating an unchanged file can be recognised.
import { createHash } from "node:crypto";
import { canonicalJson } from "@maturity/model/chain";

export { canonicalJson };

/** SHA-256 (hex) of the document's canonical JSON. */
export function contentHash(document: unknown): string {
  return createHash("sha256").update(canonicalJson(document)).digest("hex");
}
