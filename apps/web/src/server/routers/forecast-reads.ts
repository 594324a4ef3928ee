// Reads behind the forecast router: score history from the store, forecast with packages/scoring
// (forecastSystem, forecastRollup), as of the portal's now or an earlier instant. A team's or the
// organisation's history is read in one query for all its systems, never one per system.
import type { Database } from "@maturity/db";
import { activeSystemKinds, historyOfSystems, latestReportTime, systemHistory } from "@maturity/db";
import type { Axis, AxisForecast, RollupForecast, SystemForecast, SystemKind } from "@maturity/model";
import { axes, systemKindSchema } from "@maturity/model";
import type { AxisHistory, ForecastOptions, ScorePoint } from "@maturity/scoring";
import { forecastRollup, forecastSystem } from "@maturity/scoring";

/** One history row as the store gives it (any axis). */
interface HistoryRow {
  axis: string;
  at: string;
  score: number;
  level: number;
}

/** What every forecast answer says about how it was made. */
export interface ForecastBasis {
  /** The instant the forecast is as of (ISO 8601). */
  asOf: string;
  /** The history a trend needs at least, in days (MATURITY_FORECAST_MIN_HISTORY_DAYS). */
  minHistoryDays: number;
}

/** One axis of a system's forecast, as a list of systems shows it. */
export type AxisForecastSummary = Pick<AxisForecast, "status" | "score" | "level" | "nextLevel" | "pace">;

export interface SystemForecastSummary {
  systemId: string;
  name: string;
  kind: SystemKind;
  axes: Record<Axis, AxisForecastSummary>;
  /** Axes whose pace is behind the usual time for their step. */
  behind: number;
  /** Axes whose score is falling. */
  declining: number;
}

/** A team ranked by how far its systems are behind their forecast. */
export interface TeamBehind {
  team: string;
  systems: number;
  /** System axes behind the usual pace, or declining (an axis that is both counts once). */
  flagged: number;
  behind: number;
  declining: number;
  /** Which system axes, worst first: behind and declining, then behind, then declining. */
  axes: {
    systemId: string;
    name: string;
    axis: Axis;
    status: AxisForecast["status"];
    pace: AxisForecast["pace"];
  }[];
}

interface Member {
  systemId: string;
  name: string;
  team: string;
  kind: SystemKind;
  history: AxisHistory;
}

/**
 * The instant a forecast is as of: the one asked for, but never after the newest scoring (the
 * portal's now, as the executive series has it; the wall clock before anything was scored).
 */
export async function forecastInstant(db: Database, asOf: string | undefined): Promise<number> {
  const latest = await latestReportTime(db);
  const now = latest === null ? Date.now() : Date.parse(latest);
  return asOf === undefined ? now : Math.min(Date.parse(asOf), now);
}

/** History rows grouped per axis (rows of axes the model does not know are left out). */
export function axisHistoryOf(rows: readonly HistoryRow[]): AxisHistory {
  const byAxis = Object.fromEntries(axes.map((axis) => [axis, [] as ScorePoint[]])) as Record<
    Axis,
    ScorePoint[]
  >;
  for (const row of rows) {
    const points = byAxis[row.axis as Axis];
    if (points !== undefined) points.push({ at: row.at, score: row.score, level: row.level });
  }
  return byAxis;
}

const optionsFor = (asOf: number, minHistoryDays: number): ForecastOptions => ({ asOf, minHistoryDays });

const basis = (asOf: number, minHistoryDays: number): ForecastBasis => ({
  asOf: new Date(asOf).toISOString(),
  minHistoryDays,
});

/** A system's forecast from its own history, or null when it has no history (no such system). */
export async function systemForecast(
  db: Database,
  systemId: string,
  asOf: string | undefined,
  minHistoryDays: number,
): Promise<(ForecastBasis & { systemId: string; forecast: SystemForecast }) | null> {
  const [history, at] = await Promise.all([systemHistory(db, systemId), forecastInstant(db, asOf)]);
  if (history.length === 0) return null;
  return {
    ...basis(at, minHistoryDays),
    systemId,
    forecast: forecastSystem(axisHistoryOf(history), optionsFor(at, minHistoryDays)),
  };
}

/**
 * The active systems (of one team, or all) with their score histories: two reads whatever the
 * number of systems. Membership is today's, as in the executive series.
 */
async function membersOf(db: Database, team: string | undefined): Promise<Member[]> {
  const systems = await activeSystemKinds(db, team);
  const rows = await historyOfSystems(
    db,
    systems.map((system) => system.systemId),
  );
  const rowsBySystem = new Map<string, HistoryRow[]>();
  for (const row of rows) {
    const list = rowsBySystem.get(row.systemId);
    if (list === undefined) rowsBySystem.set(row.systemId, [row]);
    else list.push(row);
  }
  return systems.flatMap((system) => {
    const kind = systemKindSchema.safeParse(system.kind);
    if (!kind.success) return [];
    return [
      {
        systemId: system.systemId,
        name: system.name,
        team: system.team,
        kind: kind.data,
        history: axisHistoryOf(rowsBySystem.get(system.systemId) ?? []),
      },
    ];
  });
}

function summaryOf(member: Member, options: ForecastOptions): SystemForecastSummary {
  const forecast = forecastSystem(member.history, options);
  let behind = 0;
  let declining = 0;
  const summary = Object.fromEntries(
    axes.map((axis) => {
      const { status, score, level, nextLevel, pace } = forecast[axis];
      if (pace === "behind") behind += 1;
      if (status === "declining") declining += 1;
      return [axis, { status, score, level, nextLevel, pace }];
    }),
  ) as Record<Axis, AxisForecastSummary>;
  return {
    systemId: member.systemId,
    name: member.name,
    kind: member.kind,
    axes: summary,
    behind,
    declining,
  };
}

/** The team's forecast (each track's median and the gap) and each of its systems' in brief. */
export async function teamForecast(
  db: Database,
  team: string,
  asOf: string | undefined,
  minHistoryDays: number,
): Promise<
  ForecastBasis & {
    team: string;
    forecast: RollupForecast;
    systems: SystemForecastSummary[];
  }
> {
  const [members, at] = await Promise.all([membersOf(db, team), forecastInstant(db, asOf)]);
  const options = optionsFor(at, minHistoryDays);
  return {
    ...basis(at, minHistoryDays),
    team,
    forecast: forecastRollup(members, options),
    systems: members
      .map((member) => summaryOf(member, options))
      .sort((a, b) => a.name.localeCompare(b.name) || a.systemId.localeCompare(b.systemId)),
  };
}

const flagOrder = (entry: { status: AxisForecast["status"]; pace: AxisForecast["pace"] }) =>
  (entry.pace === "behind" ? 2 : 0) + (entry.status === "declining" ? 1 : 0);

/**
 * Teams ranked by how many of their systems' axes are behind the usual pace or declining, most
 * first (then by axes behind, axes declining, and name); teams with none are left out.
 */
export function rankTeamsBehind(
  members: readonly Member[],
  summaries: readonly SystemForecastSummary[],
): TeamBehind[] {
  const teams = new Map<string, TeamBehind>();
  members.forEach((member, index) => {
    const summary = summaries[index]!;
    const entry = teams.get(member.team) ?? {
      team: member.team,
      systems: 0,
      flagged: 0,
      behind: 0,
      declining: 0,
      axes: [],
    };
    entry.systems += 1;
    entry.behind += summary.behind;
    entry.declining += summary.declining;
    for (const axis of axes) {
      const { status, pace } = summary.axes[axis];
      if (pace === "behind" || status === "declining")
        entry.axes.push({ systemId: member.systemId, name: member.name, axis, status, pace });
    }
    entry.flagged = entry.axes.length;
    teams.set(member.team, entry);
  });
  return [...teams.values()]
    .filter((team) => team.flagged > 0)
    .map((team) => ({
      ...team,
      axes: team.axes.sort(
        (a, b) =>
          flagOrder(b) - flagOrder(a) ||
          a.name.localeCompare(b.name) ||
          axes.indexOf(a.axis) - axes.indexOf(b.axis),
      ),
    }))
    .sort(
      (a, b) =>
        b.flagged - a.flagged ||
        b.behind - a.behind ||
        b.declining - a.declining ||
        a.team.localeCompare(b.team),
    );
}

/**
 * The organisation's forecast (each track's median and, per axis, when the LLM/agent gap closes
 * or that it widens) and the teams furthest behind their forecast, at most `limit` of them.
 */
export async function orgForecast(
  db: Database,
  asOf: string | undefined,
  minHistoryDays: number,
  limit: number,
): Promise<
  ForecastBasis & {
    systems: number;
    forecast: RollupForecast;
    /** Teams with at least one system axis behind or declining, furthest behind first. */
    teamsBehind: TeamBehind[];
    /** How many teams have any (the list may be cut at `limit`). */
    teamsBehindCount: number;
  }
> {
  const [members, at] = await Promise.all([membersOf(db, undefined), forecastInstant(db, asOf)]);
  const options = optionsFor(at, minHistoryDays);
  const ranked = rankTeamsBehind(
    members,
    members.map((member) => summaryOf(member, options)),
  );
  return {
    ...basis(at, minHistoryDays),
    systems: members.length,
    forecast: forecastRollup(members, options),
    teamsBehind: ranked.slice(0, limit),
    teamsBehindCount: ranked.length,
  };
}
