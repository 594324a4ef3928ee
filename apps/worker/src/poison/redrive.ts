import type { Database, DeadLetterRow } from "@maturity/db";
import { releaseRedrive, takeForRedrive } from "@maturity/db";
import type { LogRecord } from "@maturity/log";

export interface RedriveOptions {
  db: Database;
  /** Appends to the event log (resolves once the records are durable). */
  append: (records: LogRecord[]) => Promise<void>;
  /** Who asked: kept on the dead letter and on every event re-driven. */
  actor: string;
  /** Which dead letters (by id); absent: every one not re-driven yet. */
  ids?: readonly number[];
  now?: () => number;
}

/**
 * Puts dead letters back on the event log after a fix, so the worker applies them like any new
 * record. The admin action is kept twice: the dead letter records who re-drove it and when, and
 * each re-driven event carries `redrivenby` and `redrivenat` (CloudEvents extension attributes),
 * which the event store's hash chain then covers. A record that fails again is dead-lettered
 * again, under its new position. If the log refuses the append, nothing is marked.
 */
export async function redriveDeadLetters(options: RedriveOptions): Promise<DeadLetterRow[]> {
  const at = new Date((options.now ?? Date.now)()).toISOString();
  const taken = await takeForRedrive(options.db, {
    actor: options.actor,
    at,
    ...(options.ids !== undefined && { ids: options.ids }),
  });
  if (taken.length === 0) return [];
  try {
    await options.append(
      taken.map((row) => ({ key: row.key, value: withRedriveAttributes(row.value, options.actor, at) })),
    );
  } catch (error) {
    await releaseRedrive(
      options.db,
      taken.map((row) => row.id),
    );
    throw error;
  }
  return taken;
}

function withRedriveAttributes(value: string, actor: string, at: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return value;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return value;
  return JSON.stringify({ ...parsed, redrivenby: actor, redrivenat: at });
}
