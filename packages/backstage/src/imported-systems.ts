// What earlier imports from one location left, read back from their events: the next import
// compares with it. The event store answers the same question with a query over the same fields.
import type { EventOf, MaturityEvent } from "@maturity/model";
import { importSource } from "./import-source.ts";

/** A system as the latest import from one location left it. */
export interface ImportedSystem {
  systemId: string;
  entityRef: string;
  contentHash: string;
  retired: boolean;
  /** The owner the imports from this location last assigned. */
  owner?: string;
  /**
   * The id of the latest catalogue event of this system from this location. When given, new
   * event ids follow on from it rather than from the content hash, so a system that returns to
   * an earlier state (A→B→A→B, retired→registered→retired) never repeats an old event's id and
   * is never dropped as a duplicate by the store.
   */
  lastEventId?: string;
}

type CatalogueEvent = EventOf<
  "catalog.system.registered" | "catalog.system.updated" | "catalog.system.retired"
>;

function isCatalogueEvent(event: MaturityEvent): event is CatalogueEvent {
  return (
    event.type === "catalog.system.registered" ||
    event.type === "catalog.system.updated" ||
    event.type === "catalog.system.retired"
  );
}

/**
 * The systems the events of this location's imports describe: per system the latest catalogue
 * event (by event time, then the order given) and the latest owner assigned, sorted by id.
 */
export function importedSystemsFrom(events: readonly MaturityEvent[], location: string): ImportedSystem[] {
  const source = importSource(location);
  const latest = new Map<string, CatalogueEvent>();
  const owners = new Map<string, { time: number; owner: string }>();
  for (const event of events) {
    if (event.source !== source) continue;
    const time = Date.parse(event.time);
    if (event.type === "gov.owner.assigned") {
      const before = owners.get(event.subject);
      if (before === undefined || time >= before.time)
        owners.set(event.subject, { time, owner: event.data.owner });
    } else if (isCatalogueEvent(event)) {
      const before = latest.get(event.subject);
      if (before === undefined || time >= Date.parse(before.time)) latest.set(event.subject, event);
    }
  }
  return [...latest.values()]
    .map((event) => {
      const { origin } = event.data;
      const owner = owners.get(event.subject)?.owner;
      return {
        systemId: event.subject,
        entityRef: origin?.entityRef ?? event.subject,
        contentHash: origin?.contentHash ?? "",
        retired: event.type === "catalog.system.retired",
        ...(owner !== undefined && { owner }),
        lastEventId: event.id,
      };
    })
    .sort((a, b) => (a.systemId < b.systemId ? -1 : a.systemId > b.systemId ? 1 : 0));
}
