import { storageParts, type StorageCost } from "@maturity/db";

/** The aim of issue 21: the whole store, projections included, at most 1 KB per stored event. */
const aimBytesPerEvent = 1_024;

/**
 * Bytes on disk per stored event, per part of the store, beside the raw limit measured in the same
 * run: the same events COPYed into a bare table (their columns and one jsonb copy, no index). Each
 * part is divided by every stored event, so the parts add up; the event store and telemetry are
 * also divided by their own events.
 */
export function printStorageCost(
  cost: StorageCost,
  events: { total: number; telemetry: number },
  bareBytes: number,
): void {
  const perEvent = (bytes: number) => Math.round(bytes / events.total);
  const bare = bareBytes / events.total;
  const ownEvents: Partial<Record<string, number>> = {
    "event store": events.total - events.telemetry,
    telemetry: events.telemetry,
  };
  const rows: Record<string, Record<string, number | string>> = {};
  for (const part of [...storageParts, "overall"] as const) {
    const bytes = cost[part];
    const own = ownEvents[part];
    rows[part] = {
      "table B/event": perEvent(bytes.table),
      "TOAST B/event": perEvent(bytes.toast),
      "indexes B/event": perEvent(bytes.indexes),
      "total B/event": perEvent(bytes.total),
      "vs bare table": (bytes.total / events.total / bare).toFixed(2),
      ...(own !== undefined && own > 0 && { "B per own event": Math.round(bytes.total / own) }),
    };
  }
  rows["raw: bare table, no index"] = { "total B/event": Math.round(bare), "vs bare table": "1.00" };
  console.table(rows);
  const overall = cost.overall.total / events.total;
  console.log(
    `storage: ${Math.round(overall)} bytes on disk per stored event (${(overall / bare).toFixed(2)}× the bare ` +
      `table; aim ≤ ${aimBytesPerEvent}), ${(cost.overall.total / 1_048_576).toFixed(1)} MB for ${events.total} events`,
  );
}
