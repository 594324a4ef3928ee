import type { OrgRollup, Risk, SystemReport, TeamRollup } from "@maturity/model";
import { axes, systemIdentity } from "@maturity/model";

/**
 * The rows each projection table holds for a scored report: one definition shared by the worker's
 * incremental writes and by replay, so both fill the tables identically.
 */
export function systemReportRow(report: SystemReport, asOf: string, rubricVersion: string) {
  return {
    ...systemIdentity(report),
    asOf,
    rubricVersion,
    report,
  };
}

export function axisScoreRows(report: SystemReport) {
  return axes.map((axis) => ({
    systemId: report.systemId,
    axis,
    score: report.axes[axis].score,
    level: report.axes[axis].level,
  }));
}

export function criterionRows(report: SystemReport) {
  return axes.flatMap((axis) =>
    report.axes[axis].criteria.map((criterion) => ({
      systemId: report.systemId,
      criterionId: criterion.id,
      axis,
      level: criterion.level,
      degree: criterion.degree,
      met: criterion.met,
      status: criterion.status,
      evidence: criterion.evidence,
    })),
  );
}

export function systemRiskRows(report: SystemReport) {
  return report.risks.map((risk, index) => ({
    riskKey: `${report.systemId}#${index}`,
    systemId: report.systemId as string | null,
    team: risk.team,
    kind: risk.kind,
    rank: risk.rank,
    risk,
  }));
}

/** Team-level risks (track gaps): the org's risks that name no system. */
export function teamRiskRows(orgRisks: readonly Risk[]) {
  return orgRisks
    .filter((risk) => risk.systemId === undefined || risk.systemId === null)
    .map((risk, index) => ({
      riskKey: `team:${risk.team}#${index}`,
      systemId: null as string | null,
      team: risk.team,
      kind: risk.kind,
      rank: risk.rank,
      risk,
    }));
}

export function rollupRows(asOf: string, teams: readonly TeamRollup[], org: OrgRollup) {
  return [
    {
      scope: "org",
      team: null as string | null,
      systemCount: teams.reduce((sum, team) => sum + team.systemCount, 0),
      tracks: org.tracks,
      trackGap: org.trackGap,
      asOf,
    },
    ...teams.map((team) => ({
      scope: `team:${team.team}`,
      team: team.team as string | null,
      systemCount: team.systemCount,
      tracks: team.tracks,
      trackGap: team.trackGap,
      asOf,
    })),
  ];
}
