import { and, desc, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { deadLetters } from "../schema/dead-letters.ts";
import { toIsoTime } from "./time.ts";

/** Why a record was parked: not JSON, not a valid event, refused by the database, or it broke it. */
export const deadLetterReasonKinds = [
  "not_json",
  "invalid_event",
  "database_refused",
  "database_fault",
] as const;
export type DeadLetterReasonKind = (typeof deadLetterReasonKinds)[number];

export interface NewDeadLetter {
  position: string;
  key: string;
  value: string;
  reasonKind: DeadLetterReasonKind;
  reason: string;
}

export interface DeadLetterRow {
  id: number;
  position: string;
  key: string;
  value: string;
  reasonKind: DeadLetterReasonKind;
  reason: string;
  eventType: string | null;
  eventSource: string | null;
  eventId: string | null;
  eventTime: string | null;
  deadLetteredAt: string;
  redrivenAt: string | null;
  redrivenBy: string | null;
}

/**
 * Parks records; a record already parked at the same log position (a redelivered batch) is not
 * parked twice. Resolves once the rows are committed.
 */
export async function insertDeadLetters(db: Database, records: readonly NewDeadLetter[]): Promise<void> {
  if (records.length === 0) return;
  await db
    .insert(deadLetters)
    .values(
      records.map((record) => ({
        position: storable(record.position),
        recordKey: storable(record.key),
        value: Buffer.from(record.value, "utf8"),
        reasonKind: record.reasonKind,
        reason: storable(record.reason),
        ...eventAttributes(record.value),
      })),
    )
    .onConflictDoNothing({ target: deadLetters.position });
}

export async function listDeadLetters(
  db: Database,
  options: { includeRedriven?: boolean; limit?: number } = {},
): Promise<DeadLetterRow[]> {
  const rows = await db
    .select()
    .from(deadLetters)
    .where(options.includeRedriven ? undefined : isNull(deadLetters.redrivenAt))
    .orderBy(desc(deadLetters.deadLetteredAt), desc(deadLetters.id))
    .limit(options.limit ?? 500);
  return rows.map(toRow);
}

/** Dead letters not yet re-driven, by reason kind (every kind listed, zeros included). */
export async function countDeadLetters(db: Database): Promise<Record<DeadLetterReasonKind, number>> {
  const rows = await db
    .select({ kind: deadLetters.reasonKind, count: sql<number>`count(*)::int` })
    .from(deadLetters)
    .where(isNull(deadLetters.redrivenAt))
    .groupBy(deadLetters.reasonKind);
  const counts = Object.fromEntries(deadLetterReasonKinds.map((kind) => [kind, 0])) as Record<
    DeadLetterReasonKind,
    number
  >;
  for (const row of rows) counts[row.kind as DeadLetterReasonKind] = Number(row.count);
  return counts;
}

/**
 * Marks dead letters as re-driven by `actor` and returns them (oldest first, as they were in the
 * log). Only rows not re-driven before are taken, so two admins retrying at once append each
 * record once. `ids` absent: every pending dead letter.
 */
export async function takeForRedrive(
  db: Database,
  options: { ids?: readonly number[]; actor: string; at: string },
): Promise<DeadLetterRow[]> {
  const rows = await db
    .update(deadLetters)
    .set({ redrivenAt: options.at, redrivenBy: options.actor })
    .where(
      and(
        isNull(deadLetters.redrivenAt),
        options.ids === undefined ? undefined : inArray(deadLetters.id, [...options.ids]),
      ),
    )
    .returning();
  return rows.map(toRow).sort((a, b) => a.id - b.id);
}

/** Undoes takeForRedrive when the records could not be appended to the log. */
export async function releaseRedrive(db: Database, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(deadLetters)
    .set({ redrivenAt: null, redrivenBy: null })
    .where(inArray(deadLetters.id, [...ids]));
}

function toRow(row: typeof deadLetters.$inferSelect): DeadLetterRow {
  return {
    id: row.id,
    position: row.position,
    key: row.recordKey,
    value: row.value.toString("utf8"),
    reasonKind: row.reasonKind as DeadLetterReasonKind,
    reason: row.reason,
    eventType: row.eventType,
    eventSource: row.eventSource,
    eventId: row.eventId,
    eventTime: row.eventTime,
    deadLetteredAt: toIsoTime(row.deadLetteredAt),
    redrivenAt: row.redrivenAt === null ? null : toIsoTime(row.redrivenAt),
    redrivenBy: row.redrivenBy,
  };
}

/** The envelope attributes that can be read from a parked record, for the listing. */
function eventAttributes(value: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return {};
  }
  if (typeof parsed !== "object" || parsed === null) return {};
  const attribute = (name: string) => {
    const field = (parsed as Record<string, unknown>)[name];
    return typeof field === "string" ? storable(field).slice(0, 300) : null;
  };
  return {
    eventType: attribute("type"),
    eventSource: attribute("source"),
    eventId: attribute("id"),
    eventTime: attribute("time"),
  };
}

// A text column holds neither NUL nor a lone surrogate; the raw record keeps them (bytea).
const loneSurrogates = /\p{Cs}/gu;
function storable(text: string): string {
  return text.replaceAll("\u0000", "\uFFFD").replace(loneSurrogates, "\uFFFD");
}
