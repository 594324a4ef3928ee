import type { RiskTier, SystemKind } from "@maturity/model";
import { columnListNames } from "../facts/initial.ts";
import { upTo } from "../facts/sorted.ts";
import type { SystemFacts } from "../facts/types.ts";
import { dayMs } from "../time.ts";

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
 * The catalogue entry as of `asOf`: registration and updates applied in time order. Systems never
 * registered get defaults (classical, minimal tier) and `registered: false`, so nothing is dropped.
 */
export function resolveIdentity(facts: SystemFacts, asOf: number): SystemIdentity {
  const identity: SystemIdentity = {
    systemId: facts.systemId,
    name: facts.systemId,
    team: unregisteredTeam,
    kind: "classical",
    riskTier: "minimal",
    registered: false,
    retired: false,
    gpuQueues: [],
  };
  for (const rec of upTo(facts.catalog, asOf)) {
    if (rec.change === "retired") {
      identity.retired = true;
      continue;
    }
    // A registration after retirement brings the system back.
    if (rec.change === "registered") {
      identity.registered = true;
      identity.retired = false;
    }
    if (rec.name !== undefined) identity.name = rec.name;
    if (rec.team !== undefined) identity.team = rec.team;
    if (rec.kind !== undefined) identity.kind = rec.kind;
    if (rec.riskTier !== undefined) identity.riskTier = rec.riskTier;
    if (rec.gpuQueues !== undefined) identity.gpuQueues = rec.gpuQueues;
  }
  return identity;
}

/** Time of the earliest fact at or before `asOf`, or null when the system did not exist yet. */
export function firstSeen(facts: SystemFacts, asOf: number): number | null {
  // Every list is in time order, so only its head matters; lists are named, not discovered, to
  // keep this off the per-system hot path's allocations.
  let first = Math.min(facts.catalog[0]?.t ?? Infinity, facts.toolCatalogs[0]?.t ?? Infinity);
  for (const name of columnListNames) {
    const t = facts[name].t[0] ?? Infinity;
    if (t < first) first = t;
  }
  for (const buckets of [facts.llmCalls, facts.agentRuns]) {
    const head = buckets[0];
    if (head !== undefined) first = Math.min(first, firstWholeDay(head.day, asOf));
  }
  return first <= asOf ? first : null;
}

// Telemetry buckets count only as whole days (see bucketInRange), so a day still in progress at
// `asOf` does not make the system exist yet; the day start stands in for its first call.
function firstWholeDay(day: number, asOf: number): number {
  return day + dayMs - 1 <= asOf ? day : Infinity;
}
