// Reads behind the compliance router: the stored events a clause index cites, the clause coverage
// of every active system by risk tier, and a system's audit requests with their deliveries. Built
// on @maturity/db's exports (raw SQL where the read model has no query of its own).
import type { Database } from "@maturity/db";
import { rowsOf, sql } from "@maturity/db";
import type { RiskTier } from "@maturity/model";
import { unmappedSubject } from "@maturity/model";

/** Event times as ISO text on both drivers (PGlite and postgres.js render timestamptz apart). */
const isoTime = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export interface EvidenceEvent {
  id: string;
  type: string;
  time: string;
}

/**
 * The type and time of the stored events with these ids that can bear on the system: its own,
 * those of native ids mapped to it (stored under their unmapped subject) and GPU queue policies.
 * Every lookup is by subject, so it stays on the (system_id, time) indexes however large the store.
 */
export async function evidenceEvents(
  db: Database,
  systemId: string,
  ids: readonly string[],
): Promise<Map<string, EvidenceEvent>> {
  if (ids.length === 0) return new Map();
  const others = rowsOf<{ subject: string; mapped: boolean }>(
    await db.execute(sql`
      select ref as subject, true as mapped from projections.source_mappings where system_id = ${systemId}
      union all
      select queue as subject, false as mapped from projections.queue_facts`),
  );
  const subjects = JSON.stringify([
    systemId,
    ...others.map((row) => (row.mapped ? unmappedSubject(row.subject) : row.subject)),
  ]);
  const wanted = JSON.stringify([...new Set(ids)]);
  const rows = rowsOf<{ event_id: string; type: string; time: string }>(
    await db.execute(sql`
      with subjects as (select jsonb_array_elements_text(${subjects}::jsonb) as subject),
        wanted as (select jsonb_array_elements_text(${wanted}::jsonb) as id)
      select event_id, type, ${isoTime("time")} as time from events
        where system_id in (select subject from subjects) and event_id in (select id from wanted)
      union all
      select event_id, type, ${isoTime("time")} as time from telemetry_events
        where system_id in (select subject from subjects) and event_id in (select id from wanted)`),
  );
  return new Map(rows.map((row) => [row.event_id, { id: row.event_id, type: row.type, time: row.time }]));
}

export interface ClauseCoverage {
  /** Every applying criterion met or waived. */
  supported: number;
  /** Some applying criterion met or waived, not all. */
  partial: number;
  /** Criteria apply, none met or waived. */
  none: number;
}

export interface CoverageByTier {
  /** Active systems per risk tier. */
  systems: Map<RiskTier, number>;
  /** Per clause (its position in the list given), per risk tier. */
  clauses: Map<number, Map<RiskTier, ClauseCoverage>>;
}

/** Criteria per bigint mask word (bit 63 is the sign). */
const wordBits = 63;

/** `bit_or` of one mask word over a system's criteria, only those that satisfy `condition`. */
function maskWords(words: number, condition: string) {
  return sql.raw(
    Array.from(
      { length: words },
      (_, word) =>
        `bit_or(case when x.i / ${wordBits} = ${word}${condition} then 1::bigint << (x.i % ${wordBits}) else 0 end)`,
    ).join(", "),
  );
}

/** "{5,0}" (a bigint[] as text) → one flag per criterion index, 1 where its bit is set. */
function bitsOf(text: string, length: number): Uint8Array {
  const bits = new Uint8Array(length);
  text
    .slice(1, -1)
    .split(",")
    .forEach((word, w) => {
      let value = BigInt(word);
      for (let bit = w * wordBits; value > 0n; bit++, value >>= 1n) if (value & 1n) bits[bit] = 1;
    });
  return bits;
}

/**
 * How each clause stands on every active system, counted per risk tier, in one statement over the
 * narrow criterion results (never the full reports). The database reduces each system to two bit
 * masks over the rubric's criteria (which apply, which are met or waived) and counts the systems
 * sharing a pair; each distinct pair is then judged clause by clause once. `clauses` lists the
 * criteria that cite each clause, as the rubric in force says.
 */
export async function coverageByTier(
  db: Database,
  clauses: readonly { criteria: readonly string[] }[],
): Promise<CoverageByTier> {
  const criteria = [...new Set(clauses.flatMap((clause) => clause.criteria))];
  const bit = new Map(criteria.map((criterionId, index) => [criterionId, index]));
  const words = Math.max(1, Math.ceil(criteria.length / wordBits));
  const rows = rowsOf<{
    risk_tier: string;
    held: string | null;
    applying: string | null;
    systems: number | string;
  }>(
    await db.execute(sql`
      with idx as (
          select value as criterion_id, (ordinality - 1)::int as i
          from jsonb_array_elements_text(${JSON.stringify(criteria)}::jsonb) with ordinality),
        active as (select system_id, risk_tier from projections.system_reports where not retired),
        per_system as (
          select c.system_id,
            array[${maskWords(words, " and c.status in ('met', 'waived')")}] as held,
            array[${maskWords(words, "")}] as applying
          from projections.criterion_results c join idx x on x.criterion_id = c.criterion_id
          group by c.system_id)
      select a.risk_tier, p.held::text as held, p.applying::text as applying, count(*) as systems
      from active a join per_system p on p.system_id = a.system_id
      group by a.risk_tier, p.held, p.applying
      union all
      select risk_tier, null as held, null as applying, count(*) as systems from active group by risk_tier`),
  );
  const systems = new Map<RiskTier, number>();
  const byClause = new Map<number, Map<RiskTier, ClauseCoverage>>();
  const criteriaBits = clauses.map((clause) => clause.criteria.map((criterionId) => bit.get(criterionId)!));
  for (const row of rows) {
    const tier = row.risk_tier as RiskTier;
    const count = Number(row.systems);
    // The rows without masks count each tier's active systems.
    if (row.held === null || row.applying === null) {
      systems.set(tier, count);
      continue;
    }
    const [held, applying] = [bitsOf(row.held, criteria.length), bitsOf(row.applying, criteria.length)];
    criteriaBits.forEach((bits, index) => {
      let applies = 0;
      let holds = 0;
      for (const b of bits) {
        applies += applying[b]!;
        holds += held[b]!;
      }
      if (applies === 0) return;
      const tiers = byClause.get(index) ?? new Map<RiskTier, ClauseCoverage>();
      const counts = tiers.get(tier) ?? { supported: 0, partial: 0, none: 0 };
      if (holds === applies) counts.supported += count;
      else if (holds > 0) counts.partial += count;
      else counts.none += count;
      tiers.set(tier, counts);
      byClause.set(index, tiers);
    });
  }
  return { systems, clauses: byClause };
}

export interface AuditRequest {
  auditId: string;
  requestedBy: string;
  requestedAt: string;
  /** The gov.audit.requested event. */
  eventId: string;
  /** The first gov.audit.delivered of the same audit id, if any. */
  delivery: { at: string; eventId: string; manifestSha256: string | null } | null;
}

/**
 * The system's audit requests (gov.audit.requested), oldest first, each with its first delivery
 * (gov.audit.delivered of the same audit id) if there is one. An audit id requested twice is
 * listed once, at its first request.
 */
export async function auditRequests(db: Database, systemId: string): Promise<AuditRequest[]> {
  const rows = rowsOf<{
    event_id: string;
    requested_at: string;
    audit_id: string;
    requested_by: string;
    delivered_at: string | null;
    delivery_id: string | null;
    manifest: string | null;
  }>(
    await db.execute(sql`
      select r.event_id, ${isoTime("r.time")} as requested_at, r.payload -> 'data' ->> 'auditId' as audit_id,
        r.payload -> 'data' ->> 'requestedBy' as requested_by,
        d.delivered_at, d.delivery_id, d.manifest
      from events r
      left join lateral (
        select ${isoTime("e.time")} as delivered_at, e.event_id as delivery_id,
          e.payload -> 'data' ->> 'manifestSha256' as manifest
        from events e
        where e.system_id = r.system_id and e.type = 'gov.audit.delivered'
          and e.payload -> 'data' ->> 'auditId' = r.payload -> 'data' ->> 'auditId'
        order by e.time, e.seq limit 1) d on true
      where r.system_id = ${systemId} and r.type = 'gov.audit.requested'
      order by r.time, r.seq`),
  );
  const seen = new Set<string>();
  const requests: AuditRequest[] = [];
  for (const row of rows) {
    if (seen.has(row.audit_id)) continue;
    seen.add(row.audit_id);
    requests.push({
      auditId: row.audit_id,
      requestedBy: row.requested_by,
      requestedAt: row.requested_at,
      eventId: row.event_id,
      delivery:
        row.delivery_id === null
          ? null
          : { at: row.delivered_at!, eventId: row.delivery_id, manifestSha256: row.manifest },
    });
  }
  return requests;
}

/** Whether the store has seen the system (any event of it, registered or not). */
export async function systemIsKnown(db: Database, systemId: string): Promise<boolean> {
  const rows = rowsOf<{ known: number }>(
    await db.execute(sql`select 1 as known from projections.systems where system_id = ${systemId}`),
  );
  return rows.length > 0;
}
