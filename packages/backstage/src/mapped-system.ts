import type { ImportedContent } from "./content-hash.ts";

/** An ML system as one Backstage entity describes it: what an import writes, and where it came from. */
export interface MappedSystem extends ImportedContent {
  /** The id in our catalogue (the events' subject); see the README for how it is chosen. */
  systemId: string;
  /** The entity's full ref, `kind:namespace/name`. */
  entityRef: string;
  /** metadata.uid, for an entity from the catalogue API. */
  uid?: string;
  /** No maturity.dev/risk-tier annotation: the risk tier is minimal by assumption. */
  riskTierAssumed: boolean;
  contentHash: string;
  file?: string;
  line?: number;
}
