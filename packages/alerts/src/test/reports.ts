// Score reports for tests, as the scorer writes them (checked against the model's schemas): a
// system at level 3 everywhere unless told, and a report of systems with the organisation's and
// each team's rollup. Each case changes only what it is about.
import {
  axes,
  metricNames,
  scoreReportSchema,
  systemReportSchema,
  type Axis,
  type CriterionResult,
  type Level,
  type Metrics,
  type Risk,
  type ScoreReport,
  type SystemReport,
  type TrackGap,
  type Waiver,
} from "@maturity/model";
import { rubric } from "@maturity/model/rubric";
import { gap } from "./snapshots.ts";

/** No track scored on any axis. */
export const noTracks = { classical: gap(null), llm: gap(null), agent: gap(null) };

/** A system's metrics with nothing known yet: every number null, every band "no data". */
export const noMetrics: Metrics = {
  deploymentsPerWeek: null,
  leadTimeHours: { p50: null, p90: null },
  changeFailureRate: null,
  timeToRecoveryHours: { p50: null },
  costUsdByFeature: {},
  unattributedCostShare: null,
  auditResponseHours: { p50: null },
  bands: Object.fromEntries(
    metricNames.map((name) => [name, { level: null, label: "no data", dora: null }]),
  ) as Metrics["bands"],
  windowDays: 90,
};

/** A criterion met on one event; its level read from its id (`axis.l3.name`). */
export function result(id: string, overrides: Partial<CriterionResult> = {}): CriterionResult {
  return {
    id,
    level: Number(/\.l(\d)\./.exec(id)?.[1]),
    degree: 1,
    met: true,
    status: "met",
    evidence: ["evt-1"],
    evidenceCount: 1,
    aheadOfFoundation: false,
    ...overrides,
  };
}

export interface SystemParts {
  systemId?: string;
  name?: string;
  team?: string;
  kind?: SystemReport["kind"];
  riskTier?: SystemReport["riskTier"];
  retired?: boolean;
  levels?: Partial<Record<Axis, Level>>;
  criteria?: CriterionResult[];
  risks?: Risk[];
  waivers?: Waiver[];
}

/**
 * Fraud scorer (team payments, classical, high risk) at level 3 on every axis unless told; each
 * criterion lands on its id's axis.
 */
export function system(parts: SystemParts = {}): SystemReport {
  const criteria = parts.criteria ?? [];
  return systemReportSchema.parse({
    systemId: parts.systemId ?? "fraud-scorer",
    name: parts.name ?? "Fraud scorer",
    team: parts.team ?? "payments",
    kind: parts.kind ?? "classical",
    riskTier: parts.riskTier ?? "high",
    registered: true,
    retired: parts.retired ?? false,
    axes: Object.fromEntries(
      axes.map((axis) => {
        const level = parts.levels?.[axis] ?? 3;
        return [
          axis,
          {
            score: level,
            level,
            criteria: criteria.filter((c) => c.id.startsWith(`${axis}.`)),
            aheadOfFoundation: [],
          },
        ];
      }),
    ),
    metrics: noMetrics,
    risks: parts.risks ?? [],
    ...(parts.waivers !== undefined && { waivers: parts.waivers }),
  });
}

export interface ReportParts {
  asOf: string;
  systems: SystemReport[];
  /** The organisation's ranked risks, in the order given. */
  risks?: Risk[];
  /** The organisation's classical − LLM/agent gap; none on any axis unless told. */
  orgGap?: TrackGap;
  /** Each team's gap, by team; none on any axis for a team not named. */
  teamGaps?: Record<string, TrackGap>;
}

/** The report of `systems` at `asOf`, with a rollup for each of their teams and the organisation's. */
export function scoreReport(parts: ReportParts): ScoreReport {
  const teams = [...new Set(parts.systems.map((s) => s.team))].sort();
  return scoreReportSchema.parse({
    asOf: parts.asOf,
    rubricVersion: rubric.version,
    systems: parts.systems,
    teams: teams.map((team) => ({
      team,
      systemCount: parts.systems.filter((s) => s.team === team).length,
      tracks: noTracks,
      trackGap: parts.teamGaps?.[team] ?? gap(null),
    })),
    org: { tracks: noTracks, trackGap: parts.orgGap ?? gap(null), risks: parts.risks ?? [] },
  });
}
