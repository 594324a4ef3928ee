// Reads behind the compliance router: the clause coverage of every active system by risk tier, and
// a system's audit requests with their deliveries (the stored events a clause index cites are
// @maturity/db's `evidenceEvents`). Built on @maturity/db's exports (raw SQL where the read model
// has no query of its own).
import type { Database } from "@maturity/db";
import { isoTimeOf, rowsOf, sql } from "@maturity/db";
import type { RiskTier } from "@maturity/model";

export { evidenceEvents } from "@maturity/db";
export type { EvidenceEvent } from "@maturity/db";

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
      select r.event_id, ${isoTimeOf("r.time")} as requested_at, r.payload -> 'data' ->> 'auditId' as audit_id,
        r.payload -> 'data' ->> 'requestedBy' as requested_by,
        d.delivered_at, d.delivery_id, d.manifest
      from events r
      left join lateral (
        select ${isoTimeOf("e.time")} as delivered_at, e.event_id as delivery_id,
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
