// The active systems grouped by team, for the organisation page at any size: per team how many
// systems sit at each level on each axis (with the worst and the median level) and its top risk,
// and one team's systems with their levels and top risk. Filtered, searched, sorted and paged in
// SQL over the narrow projection tables (system_reports' columns, axis_scores, risks), so a page
// costs about the same for ten systems or ten thousand, and no full report is read.
import type { Axis, Risk } from "@maturity/model";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../client.ts";
import { fromJsonb } from "./jsonb.ts";
import { containingPattern } from "./like-pattern.ts";
import { rowsOf } from "./rows-of.ts";

/**
 * How teams (and a team's systems) are ordered: `worst` weakest axis first (for a team the lowest
 * median level of any axis, then the lowest mean level of any axis; for a system its lowest level,
 * then its lowest score), `risk` highest top risk first (none last), `name` by name. Ties by name.
 */
export const groupSorts = ["worst", "risk", "name"] as const;
export type GroupSort = (typeof groupSorts)[number];

export interface GroupFilter {
  /** Part of a system's id or name, or of its team's name, case-insensitive. */
  search?: string | undefined;
  team?: string | undefined;
  systemKind?: string | undefined;
  riskTier?: string | undefined;
  /** Only risks of this kind count as a top risk. */
  riskKind?: string | undefined;
}

/** Where a row sits in its order (keyset pagination): two sort keys, then its name and id. */
export interface GroupPosition {
  keys: [number, number];
  name: string;
  id: string;
}

export interface GroupPage {
  sort: GroupSort;
  after?: GroupPosition | undefined;
  limit: number;
}

export interface AxisDistribution {
  /** Systems at level 1 … 5. */
  counts: [number, number, number, number, number];
  worst: number;
  /** The lower median level. */
  median: number;
}

export interface TeamSummaryRow {
  team: string;
  systems: number;
  axes: Record<Axis, AxisDistribution>;
  topRisk: Risk | null;
  position: GroupPosition;
}

export interface GroupedSystemRow {
  systemId: string;
  name: string;
  kind: string;
  riskTier: string;
  axes: Record<Axis, { score: number; level: number }>;
  topRisk: Risk | null;
  position: GroupPosition;
}

/** The active systems the filter matches (a team's name matching the search matches all of it). */
function matchedSystems(filter: GroupFilter): SQL {
  const pattern = filter.search === undefined ? undefined : containingPattern(filter.search);
  const conditions = [
    sql`not r.retired`,
    filter.team === undefined ? undefined : sql`r.team = ${filter.team}`,
    filter.systemKind === undefined ? undefined : sql`r.kind = ${filter.systemKind}`,
    filter.riskTier === undefined ? undefined : sql`r.risk_tier = ${filter.riskTier}`,
    pattern === undefined
      ? undefined
      : sql`(r.team ilike ${pattern} or r.name ilike ${pattern} or r.system_id ilike ${pattern})`,
  ].filter((condition) => condition !== undefined);
  return sql`select r.system_id, r.name, r.team, r.kind, r.risk_tier from projections.system_reports r
    where ${sql.join(conditions, sql` and `)}`;
}

function riskKindCondition(filter: GroupFilter): SQL {
  return filter.riskKind === undefined ? sql`` : sql`and k.kind = ${filter.riskKind}`;
}

/**
 * The two sort keys of `sort`, ascending: `weakest` and `then` for `worst`, the top risk's rank
 * negated (no risk after every risk) for `risk`, none for `name`.
 */
function sortKeys(sort: GroupSort, weakest: SQL, then: SQL): SQL {
  if (sort === "worst") return sql`${weakest}::float8 as k1, ${then}::float8 as k2`;
  if (sort === "risk") return sql`-coalesce(r.rank, -1)::float8 as k1, 0::float8 as k2`;
  return sql`0::float8 as k1, 0::float8 as k2`;
}

/** The ordered rows of `ordered` after `page.after`, at most `page.limit`. */
function orderedPage(page: GroupPage): SQL {
  const after = page.after;
  const where =
    after === undefined
      ? sql``
      : sql`where (k1, k2, sort_name collate "C", sort_id collate "C") >
          (${after.keys[0]}::float8, ${after.keys[1]}::float8, ${after.name}::text collate "C", ${after.id}::text collate "C")`;
  return sql`select * from ordered ${where}
    order by k1, k2, sort_name collate "C", sort_id collate "C" limit ${page.limit}`;
}

interface OrderedColumns {
  k1: number | string;
  k2: number | string;
  sort_name: string;
  sort_id: string;
  top_risk: unknown;
}

function positionOf(row: OrderedColumns): GroupPosition {
  return { keys: [Number(row.k1), Number(row.k2)], name: row.sort_name, id: row.sort_id };
}

function topRiskOf(row: OrderedColumns): Risk | null {
  return row.top_risk === null ? null : fromJsonb<Risk>(row.top_risk);
}

/**
 * One page of the teams with a system the filter matches, summarised over those systems. A team's
 * top risk is the highest of its matched systems' risks and, unless the filter narrows by system
 * kind or tier (or searches for something its name lacks), its own team-level risks (track gaps).
 */
export async function teamSummaryRows(
  db: Database,
  filter: GroupFilter,
  page: GroupPage,
): Promise<TeamSummaryRow[]> {
  const pattern = filter.search === undefined ? undefined : containingPattern(filter.search);
  const teamRisks =
    filter.systemKind !== undefined || filter.riskTier !== undefined
      ? sql`false`
      : pattern === undefined
        ? sql`true`
        : sql`k.team ilike ${pattern}`;
  const rows = rowsOf<OrderedColumns & { team: string; systems: number | string; axes: unknown }>(
    await db.execute(sql`
      with matched as (${matchedSystems(filter)}),
      per_axis as (
        select m.team, a.axis,
          count(*) filter (where a.level = 1) as l1, count(*) filter (where a.level = 2) as l2,
          count(*) filter (where a.level = 3) as l3, count(*) filter (where a.level = 4) as l4,
          count(*) filter (where a.level = 5) as l5,
          min(a.level) as worst, percentile_disc(0.5) within group (order by a.level) as median,
          avg(a.level) as mean
        from matched m join projections.axis_scores a on a.system_id = m.system_id
        group by m.team, a.axis
      ),
      per_team as (
        select p.team, min(p.median) as weakest_median, min(p.mean) as weakest_mean,
          jsonb_object_agg(p.axis, jsonb_build_object(
            'counts', jsonb_build_array(p.l1, p.l2, p.l3, p.l4, p.l5), 'worst', p.worst, 'median', p.median)) as axes
        from per_axis p group by p.team
      ),
      team_sizes as (select team, count(*) as systems from matched group by team),
      top_risks as (
        select distinct on (k.team) k.team, k.rank, k.risk from projections.risks k
        where (k.system_id in (select system_id from matched)
          or (k.system_id is null and ${teamRisks} and k.team in (select team from team_sizes)))
          ${riskKindCondition(filter)}
        order by k.team, k.rank desc, k.risk_key
      ),
      ordered as (
        select t.team, s.systems, t.axes, r.risk as top_risk,
          ${sortKeys(page.sort, sql`t.weakest_median`, sql`t.weakest_mean`)}, t.team as sort_name, t.team as sort_id
        from per_team t join team_sizes s on s.team = t.team left join top_risks r on r.team = t.team
      )
      ${orderedPage(page)}`),
  );
  return rows.map((row) => ({
    team: row.team,
    systems: Number(row.systems),
    axes: fromJsonb<TeamSummaryRow["axes"]>(row.axes),
    topRisk: topRiskOf(row),
    position: positionOf(row),
  }));
}

/** One page of a team's systems the filter matches, each with its levels and its top risk. */
export async function groupedSystemRows(
  db: Database,
  filter: GroupFilter & { team: string },
  page: GroupPage,
): Promise<GroupedSystemRow[]> {
  const rows = rowsOf<
    OrderedColumns & { system_id: string; name: string; kind: string; risk_tier: string; axes: unknown }
  >(
    await db.execute(sql`
      with matched as (${matchedSystems(filter)}),
      scored as (
        select m.system_id, m.name, m.kind, m.risk_tier, min(a.level) as worst, min(a.score) as weakest_score,
          jsonb_object_agg(a.axis, jsonb_build_object('score', a.score, 'level', a.level)) as axes
        from matched m join projections.axis_scores a on a.system_id = m.system_id
        group by m.system_id, m.name, m.kind, m.risk_tier
      ),
      top_risks as (
        select distinct on (k.system_id) k.system_id, k.rank, k.risk from projections.risks k
        where k.system_id in (select system_id from matched) ${riskKindCondition(filter)}
        order by k.system_id, k.rank desc, k.risk_key
      ),
      ordered as (
        select s.system_id, s.name, s.kind, s.risk_tier, s.axes, r.risk as top_risk,
          ${sortKeys(page.sort, sql`s.worst`, sql`s.weakest_score`)}, s.name as sort_name, s.system_id as sort_id
        from scored s left join top_risks r on r.system_id = s.system_id
      )
      ${orderedPage(page)}`),
  );
  return rows.map((row) => ({
    systemId: row.system_id,
    name: row.name,
    kind: row.kind,
    riskTier: row.risk_tier,
    axes: fromJsonb<GroupedSystemRow["axes"]>(row.axes),
    topRisk: topRiskOf(row),
    position: positionOf(row),
  }));
}

/** How many teams and systems the filter matches, all pages together. */
export async function groupTotals(
  db: Database,
  filter: GroupFilter,
): Promise<{ teams: number; systems: number }> {
  const [row] = rowsOf<{ teams: number | string; systems: number | string }>(
    await db.execute(sql`
      with matched as (${matchedSystems(filter)})
      select count(distinct team) as teams, count(*) as systems from matched`),
  );
  return { teams: Number(row?.teams ?? 0), systems: Number(row?.systems ?? 0) };
}
