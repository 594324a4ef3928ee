// The hash of what an import takes from an entity: the next import compares it to tell whether
// anything it would write has changed.
import { createHash } from "node:crypto";
import { canonicalJson } from "@maturity/model/chain";
import type { RiskTier, SourcesKey, SystemKind } from "@maturity/model";

/** A catalogue entry's `sources`, one sorted list per kind of native id. */
export type ImportedSources = { [K in SourcesKey]?: string[] };

/** Exactly the fields an import writes for a system (its catalogue entry and its owner). */
export interface ImportedContent {
  name: string;
  team: string;
  kind: SystemKind;
  riskTier: RiskTier;
  description?: string;
  sources: ImportedSources;
  owner: string;
}

/** sha256 of the content's canonical JSON (keys sorted), first 32 hex digits. */
export function contentHash(content: ImportedContent): string {
  const { name, team, kind, riskTier, description, sources, owner } = content;
  const hashed = { name, team, kind, riskTier, description, sources, owner };
  return createHash("sha256").update(canonicalJson(hashed)).digest("hex").slice(0, 32);
}
