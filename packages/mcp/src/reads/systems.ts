// The systems an agent can look for: the stored reports' catalogue fields with each axis's level
// and score, filtered and paged in the database (raw SQL over the narrow projection tables; the
// full reports are read only for one system at a time).
import type { Database } from "@maturity/db";
import { containingPattern as containing, fromJsonb, isoTimeOf, rowsOf, sql } from "@maturity/db";
import type { Axis, Risk, RiskTier, SystemKind } from "@maturity/model";

type SQL = ReturnType<typeof sql>;

export interface SystemFilter {
  /** Part of the id or the name, case-insensitive. */
  query?: string | undefined;
  team?: string | undefined;
  kind?: SystemKind | undefined;
  riskTier?: RiskTier | undefined;
  /** With minLevel/maxLevel: the axis whose level is compared (else the system's lowest level). */
  axis?: Axis | undefined;
  minLevel?: number | undefined;
  maxLevel?: number | undefined;
  includeRetired: boolean;
}

export interface FoundSystem {
  systemId: string;
  name: string;
  team: string;
  kind: SystemKind;
  riskTier: RiskTier;
  retired: boolean;
  asOf: string;
  /** Absent for an axis without a stored score (not expected once a system is scored). */
  axes: Partial<Record<Axis, { score: number; level: number }>>;
  riskCount: number;
  topRisk: Risk | null;
}

function conditions(filter: SystemFilter): SQL {
  const levelOf =
    filter.axis === undefined
      ? sql`(select min(a.level) from projections.axis_scores a where a.system_id = r.system_id)`
      : sql`(select a.level from projections.axis_scores a where a.system_id = r.system_id and a.axis = ${filter.axis})`;
  const parts = [
    filter.includeRetired ? undefined : sql`not r.retired`,
    filter.query === undefined
      ? undefined
      : sql`(r.system_id ilike ${containing(filter.query)} or r.name ilike ${containing(filter.query)})`,
    filter.team === undefined ? undefined : sql`r.team = ${filter.team}`,
    filter.kind === undefined ? undefined : sql`r.kind = ${filter.kind}`,
    filter.riskTier === undefined ? undefined : sql`r.risk_tier = ${filter.riskTier}`,
    filter.minLevel === undefined ? undefined : sql`${levelOf} >= ${filter.minLevel}`,
    filter.maxLevel === undefined ? undefined : sql`${levelOf} <= ${filter.maxLevel}`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/** The systems the filter matches, by id, after `after` (keyset paging), at most `limit`. */
export async function findSystems(
  db: Database,
  filter: SystemFilter,
  page: { after?: string | undefined; limit: number },
): Promise<FoundSystem[]> {
  const rows = rowsOf<{
    system_id: string;
    name: string;
    team: string;
    kind: SystemKind;
    risk_tier: RiskTier;
    retired: boolean;
    as_of: string;
    axes: unknown;
    risk_count: number | string;
    top_risk: unknown;
  }>(
    await db.execute(sql`
      select r.system_id, r.name, r.team, r.kind, r.risk_tier, r.retired, ${isoTimeOf("r.as_of")} as as_of,
        (select jsonb_object_agg(a.axis, jsonb_build_object('score', a.score, 'level', a.level))
          from projections.axis_scores a where a.system_id = r.system_id) as axes,
        (select count(*) from projections.risks k where k.system_id = r.system_id) as risk_count,
        (select k.risk from projections.risks k where k.system_id = r.system_id
          order by k.rank desc, k.risk_key limit 1) as top_risk
      from projections.system_reports r
      where ${conditions(filter)} ${page.after === undefined ? sql`` : sql`and r.system_id > ${page.after}`}
      order by r.system_id
      limit ${page.limit}`),
  );
  return rows.map((row) => ({
    systemId: row.system_id,
    name: row.name,
    team: row.team,
    kind: row.kind,
    riskTier: row.risk_tier,
    retired: row.retired,
    asOf: row.as_of,
    axes: row.axes === null ? ({} as FoundSystem["axes"]) : fromJsonb<FoundSystem["axes"]>(row.axes),
    riskCount: Number(row.risk_count),
    topRisk: row.top_risk === null ? null : fromJsonb<Risk>(row.top_risk),
  }));
}

export async function countSystems(db: Database, filter: SystemFilter): Promise<number> {
  const [row] = rowsOf<{ count: number | string }>(
    await db.execute(
      sql`select count(*) as count from projections.system_reports r where ${conditions(filter)}`,
    ),
  );
  return Number(row?.count ?? 0);
}

/** The catalogue fields of one scored system, or null when the store has no report of it. */
export async function systemHeader(
  db: Database,
  systemId: string,
): Promise<{ systemId: string; name: string; team: string; kind: SystemKind; retired: boolean } | null> {
  const [row] = rowsOf<{ system_id: string; name: string; team: string; kind: SystemKind; retired: boolean }>(
    await db.execute(sql`
      select system_id, name, team, kind, retired from projections.system_reports where system_id = ${systemId}`),
  );
  return row === undefined
    ? null
    : { systemId: row.system_id, name: row.name, team: row.team, kind: row.kind, retired: row.retired };
}

/** Up to three scored systems whose id or name shares a word with `given`: for "did you mean". */
export async function similarSystemIds(db: Database, given: string): Promise<string[]> {
  const words = [...new Set(given.toLowerCase().split(/[^a-z0-9]+/))].filter((word) => word.length >= 3);
  if (words.length === 0) return [];
  const matches = words.map(
    (word) =>
      sql`(case when r.system_id ilike ${containing(word)} or r.name ilike ${containing(word)} then 1 else 0 end)`,
  );
  const rows = rowsOf<{ system_id: string }>(
    await db.execute(sql`
      select r.system_id from projections.system_reports r
      where (${sql.join(matches, sql` + `)}) > 0
      order by (${sql.join(matches, sql` + `)}) desc, r.system_id
      limit 3`),
  );
  return rows.map((row) => row.system_id);
}

/** The teams with a stored rollup, by name. */
export async function teamNames(db: Database): Promise<string[]> {
  const rows = rowsOf<{ team: string }>(
    await db.execute(sql`select team from projections.rollups where team is not null order by team`),
  );
  return rows.map((row) => row.team);
}
