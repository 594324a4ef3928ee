import { sql } from "drizzle-orm";
import type { Database, Transaction } from "../client.ts";

/** The Postgres channel on which committed score changes are announced. */
export const scoreChangeChannel = "maturity_score_changes";

/** Which systems' scores moved; null means too many to list (a re-score, a replay): all of them. */
export interface ScoreChangeNotice {
  systemIds: string[] | null;
}

// NOTIFY payloads must stay under 8000 bytes; past this a notice just says "everything".
const maxPayloadBytes = 7_000;

export function encodeScoreChangeNotice(systemIds: readonly string[] | null): string {
  if (systemIds === null) return JSON.stringify({ systemIds: null });
  const payload = JSON.stringify({ systemIds: [...new Set(systemIds)].sort() });
  return Buffer.byteLength(payload) > maxPayloadBytes ? JSON.stringify({ systemIds: null }) : payload;
}

/** Reads a notice; anything malformed counts as "everything changed" rather than being lost. */
export function decodeScoreChangeNotice(payload: string): ScoreChangeNotice {
  try {
    const parsed = JSON.parse(payload) as { systemIds?: unknown };
    if (Array.isArray(parsed.systemIds) && parsed.systemIds.every((id) => typeof id === "string"))
      return { systemIds: parsed.systemIds as string[] };
  } catch {
    // fall through
  }
  return { systemIds: null };
}

/**
 * Announces score changes in the caller's transaction: Postgres delivers a NOTIFY only when the
 * transaction commits, so listeners never hear of a change that was rolled back.
 */
export async function notifyScoreChanges(
  tx: Transaction | Database,
  systemIds: readonly string[] | null,
): Promise<void> {
  if (systemIds !== null && systemIds.length === 0) return;
  await tx.execute(sql`select pg_notify(${scoreChangeChannel}, ${encodeScoreChangeNotice(systemIds)})`);
}
