// A system's catalogue identity (name, team, kind, risk tier, retired or not) as of a time: the one
// definition, used by scoring (reports, rollups) and by the database's systems read model, so the
// two cannot disagree. It goes by EVENT time, never by arrival: the same changes give the same
// identity in whatever order the log delivered them.
import type { MaturityEvent } from "../events/catalogue.ts";
import type { RiskTier, SystemKind } from "../kinds.ts";

/** One catalogue change of a system: a registration, an update or a retirement. */
export interface CatalogueChange {
  /** The event's id: orders changes made at the same instant. */
  id: string;
  /** The event's time, epoch milliseconds. */
  t: number;
  change: "registered" | "updated" | "retired";
  name?: string;
  team?: string;
  kind?: SystemKind;
  riskTier?: RiskTier;
  /** The GPU queues of the entry's `sources` (scoring reads them as the system's queues). */
  gpuQueues?: string[];
}

/**
 * What the catalogue says of a system at a time. Fields no change has set are absent: a system
 * that events name but nobody registered has none (callers choose what to show instead).
 */
export interface CatalogueIdentity {
  /** A registration took effect (updates alone do not register a system). */
  registered: boolean;
  /** Retired, and not registered again since. */
  retired: boolean;
  /** When the retirement in effect happened (epoch ms); null when not retired. */
  retiredAt: number | null;
  name?: string;
  team?: string;
  kind?: SystemKind;
  riskTier?: RiskTier;
  gpuQueues?: string[];
}

/** The catalogue change an event makes, or undefined for any other event. */
export function catalogueChangeOf(event: MaturityEvent): CatalogueChange | undefined {
  const base = { id: event.id, t: Date.parse(event.time) };
  switch (event.type) {
    case "catalog.system.registered":
    case "catalog.system.updated": {
      const d = event.data;
      return {
        ...base,
        change: event.type === "catalog.system.registered" ? "registered" : "updated",
        ...(d.name !== undefined && { name: d.name }),
        ...(d.team !== undefined && { team: d.team }),
        ...(d.kind !== undefined && { kind: d.kind }),
        ...(d.riskTier !== undefined && { riskTier: d.riskTier }),
        ...(d.sources?.gpuQueues !== undefined && { gpuQueues: [...d.sources.gpuQueues] }),
      };
    }
    case "catalog.system.retired":
      return { ...base, change: "retired" };
    default:
      return undefined;
  }
}

/** Event time, then event id: the order catalogue changes take effect in. */
export function compareCatalogueChanges(a: CatalogueChange, b: CatalogueChange): number {
  return a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function inOrder(changes: readonly CatalogueChange[]): readonly CatalogueChange[] {
  for (let i = 1; i < changes.length; i++)
    if (compareCatalogueChanges(changes[i - 1]!, changes[i]!) > 0)
      return [...changes].sort(compareCatalogueChanges);
  return changes;
}

/**
 * The identity the changes of ONE system give as of `asOf` (epoch ms; every change by default):
 * the changes at or before it applied in event-time order, whatever order they are passed in.
 * Registration and updates set the fields they carry; a retirement retires the system, and a
 * registration after it brings the system back. A change delivered twice changes nothing.
 */
export function catalogueIdentity(
  changes: readonly CatalogueChange[],
  asOf: number = Number.POSITIVE_INFINITY,
): CatalogueIdentity {
  const identity: CatalogueIdentity = { registered: false, retired: false, retiredAt: null };
  for (const change of inOrder(changes)) {
    if (!(change.t <= asOf)) break;
    if (change.change === "retired") {
      if (!identity.retired) identity.retiredAt = change.t;
      identity.retired = true;
      continue;
    }
    if (change.change === "registered") {
      identity.registered = true;
      identity.retired = false;
      identity.retiredAt = null;
    }
    if (change.name !== undefined) identity.name = change.name;
    if (change.team !== undefined) identity.team = change.team;
    if (change.kind !== undefined) identity.kind = change.kind;
    if (change.riskTier !== undefined) identity.riskTier = change.riskTier;
    if (change.gpuQueues !== undefined) identity.gpuQueues = change.gpuQueues;
  }
  return identity;
}
