import type { CatalogueChange, RiskTier, SystemKind } from "@maturity/model";
import { catalogueIdentity } from "@maturity/model";
import { firstKindTime } from "../facts/kinds/index.ts";
import type { SystemFacts } from "../facts/types.ts";

export interface SystemIdentity {
  systemId: string;
  name: string;
  team: string;
  kind: SystemKind;
  riskTier: RiskTier;
  registered: boolean;
  retired: boolean;
  gpuQueues: string[];
}

/** Team used for systems that events name but the catalogue never registered. */
export const unregisteredTeam = "unassigned";

/**
 * The catalogue entry as of `asOf`, by the one definition of catalogue identity (packages/model:
 * changes applied in event-time order, a registration after a retirement brings the system back).
 * Systems never registered get defaults (classical, minimal tier) and `registered: false`, so
 * nothing is dropped.
 */
export function resolveIdentity(facts: SystemFacts, asOf: number): SystemIdentity {
  return identityAt(facts.systemId, facts.catalog, asOf);
}

/**
 * The same from a system's catalogue changes alone (e.g. as the systems read model stores them),
 * so a view read from stored scores names, groups and retires systems as a report would.
 */
export function identityAt(
  systemId: string,
  catalog: readonly CatalogueChange[],
  asOf: number,
): SystemIdentity {
  const entry = catalogueIdentity(catalog, asOf);
  return {
    systemId,
    name: entry.name ?? systemId,
    team: entry.team ?? unregisteredTeam,
    kind: entry.kind ?? "classical",
    riskTier: entry.riskTier ?? "minimal",
    registered: entry.registered,
    retired: entry.retired,
    gpuQueues: entry.gpuQueues ?? [],
  };
}

/**
 * Time of the earliest fact at or before `asOf`, or null when the system did not exist yet. Once a
 * fact at or before `horizon` is found, that one is returned: for callers that need the exact
 * first time only when it is later.
 */
export function firstSeen(facts: SystemFacts, asOf: number, horizon = -Infinity): number | null {
  const first = firstKindTime(facts, asOf, horizon);
  return first <= asOf ? first : null;
}
