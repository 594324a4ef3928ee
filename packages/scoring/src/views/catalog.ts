import type { RiskTier, SystemKind } from "@maturity/model";
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
  // Every list is in time order, so only its head matters.
  let first = Math.min(
    facts.catalog[0]?.t ?? Infinity,
    facts.toolCatalogs[0]?.t ?? Infinity,
    firstColumnTime(facts),
  );
  for (const buckets of [facts.llmCalls, facts.agentRuns]) {
    const head = buckets[0];
    if (head !== undefined) first = Math.min(first, firstWholeDay(head.day, asOf));
  }
  return first <= asOf ? first : null;
}

/**
 * The earliest head of the columnar lists. Written out list by list rather than looked up by name:
 * each read then meets one shape of list, not thirty, which keeps it cheap on the per-system path
 * (a test checks that every list of `columnListNames` is here).
 */
export function firstColumnTime(f: SystemFacts): number {
  let first = Infinity;
  first = earlier(first, f.assets.t[0]);
  first = earlier(first, f.owners.t[0]);
  first = earlier(first, f.riskAssessments.t[0]);
  first = earlier(first, f.changeReviews.t[0]);
  first = earlier(first, f.overrides.t[0]);
  first = earlier(first, f.redteams.t[0]);
  first = earlier(first, f.fairnessChecks.t[0]);
  first = earlier(first, f.docs.t[0]);
  first = earlier(first, f.auditsRequested.t[0]);
  first = earlier(first, f.auditsDelivered.t[0]);
  first = earlier(first, f.experimentRuns.t[0]);
  first = earlier(first, f.modelVersions.t[0]);
  first = earlier(first, f.promotions.t[0]);
  first = earlier(first, f.rebuilds.t[0]);
  first = earlier(first, f.promptVersions.t[0]);
  first = earlier(first, f.pipelineRuns.t[0]);
  first = earlier(first, f.dataQualityChecks.t[0]);
  first = earlier(first, f.dataContracts.t[0]);
  first = earlier(first, f.retrains.t[0]);
  first = earlier(first, f.evalRuns.t[0]);
  first = earlier(first, f.evalDatasetUpdates.t[0]);
  first = earlier(first, f.failureModes.t[0]);
  first = earlier(first, f.deploys.t[0]);
  first = earlier(first, f.trafficShifts.t[0]);
  first = earlier(first, f.rollbacks.t[0]);
  first = earlier(first, f.modelSwaps.t[0]);
  first = earlier(first, f.incidentsOpened.t[0]);
  first = earlier(first, f.incidentsResolved.t[0]);
  first = earlier(first, f.gpuJobs.t[0]);
  first = earlier(first, f.monitors.t[0]);
  return first;
}

// An empty list has no head; an unreadable (NaN) time never compares as earlier either.
const earlier = (first: number, t: number | undefined): number => (t !== undefined && t < first ? t : first);

// Telemetry buckets count only as whole days (see bucketInRange), so a day still in progress at
// `asOf` does not make the system exist yet; the day start stands in for its first call.
function firstWholeDay(day: number, asOf: number): number {
  return day + dayMs - 1 <= asOf ? day : Infinity;
}
