import type { Database } from "@maturity/db";
import { applyToSystems, insertNewEvents } from "@maturity/db";
import type { ConsumedRecord } from "@maturity/log";
import type { MaturityEvent } from "@maturity/model";
import { formatIssues, parseEvent } from "@maturity/model";

export interface RejectedRecord {
  position: string;
  reason: string;
}

export interface BatchOutcome {
  /** Events stored for the first time and folded into the read models. */
  applied: number;
  /** Events already in the store (redelivered or posted twice): no effect. */
  duplicates: number;
  rejected: RejectedRecord[];
}

/**
 * Applies one batch from the log in ONE transaction: store the events (duplicates ignored), fold
 * only the new ones into the read models. The caller commits the log offset after this resolves,
 * so a crash anywhere re-delivers a batch whose effects are either all there or all absent.
 */
export async function applyBatch(db: Database, records: readonly ConsumedRecord[]): Promise<BatchOutcome> {
  const valid: MaturityEvent[] = [];
  const rejected: RejectedRecord[] = [];
  for (const record of records) {
    const decoded = decodeRecord(record);
    if ("event" in decoded) valid.push(decoded.event);
    else rejected.push({ position: record.position, reason: decoded.reason });
  }
  const applied = await db.transaction(async (tx) => {
    const fresh = await insertNewEvents(tx, valid);
    await applyToSystems(tx, fresh);
    return fresh.length;
  });
  return { applied, duplicates: valid.length - applied, rejected };
}

function decodeRecord(record: ConsumedRecord): { event: MaturityEvent } | { reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(record.value);
  } catch {
    return { reason: "the record is not JSON" };
  }
  const parsed = parseEvent(json);
  return parsed.ok ? { event: parsed.event } : { reason: formatIssues(parsed.issues) };
}
