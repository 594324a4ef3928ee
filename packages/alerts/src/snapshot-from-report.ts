// The snapshot of a score report, for workers that keep reports: what alerts compare, read from
// the report, the rubric it was scored with, and the track gaps kept from earlier reports.
import { axes, type Risk, type ScoreReport, type SystemReport } from "@maturity/model";
import type { EvidenceKind, Rubric } from "@maturity/model/rubric";
import type {
  AlertSnapshot,
  CriterionSnapshot,
  GapPoint,
  RollupSnapshot,
  SystemSnapshot,
} from "./snapshot.ts";

export interface SnapshotOptions {
  /** What identifies this state (see AlertSnapshot.stateId). */
  stateId: string;
  /** The rubric the report was scored with: it says which criteria are state and which activity evidence. */
  rubric: Pick<Rubric, "criteria">;
  /** Earlier gaps, oldest first (gapPointsOf of earlier reports), as far back as gapHistoryDays. */
  gapHistory?: { org?: GapPoint[]; teams?: Record<string, GapPoint[]> };
}

export function snapshotFromReport(report: ScoreReport, options: SnapshotOptions): AlertSnapshot {
  const evidenceKinds = evidenceKindsOf(options.rubric);
  const systems = report.systems
    .filter((system) => !system.retired)
    .map((system) => systemSnapshot(system, evidenceKinds));
  const rollup = (rolled: Pick<RollupSnapshot, "tracks" | "trackGap">, history: GapPoint[] | undefined) => ({
    tracks: rolled.tracks,
    trackGap: rolled.trackGap,
    history: history ?? [],
  });
  return {
    stateId: options.stateId,
    asOf: report.asOf,
    systems,
    risks: report.org.risks.map((risk) => ({
      id: riskIdentity(risk),
      kind: risk.kind,
      ...(risk.systemId !== undefined && { systemId: risk.systemId }),
      team: risk.team,
      title: risk.summary,
      rank: risk.rank,
      evidence: risk.evidence,
    })),
    rollups: {
      org: rollup(report.org, options.gapHistory?.org),
      teams: Object.fromEntries(
        report.teams.map((t) => [t.team, rollup(t, options.gapHistory?.teams?.[t.team])]),
      ),
    },
  };
}

/**
 * A risk's identity across re-scores: its kind, whose it is, and the axis it is about, but not its
 * numbers or wording, which move with every score. An axis mismatch is named by its lagging axis
 * (the leader may change); a team's track gap is one risk whatever axes it lists.
 */
export function riskIdentity(risk: Pick<Risk, "kind" | "systemId" | "team" | "axes">): string {
  const owner = risk.systemId ?? `team:${risk.team}`;
  const axis =
    risk.kind === "track_gap"
      ? ""
      : ((risk.kind === "axis_mismatch" ? risk.axes?.[1] : risk.axes?.[0]) ?? "");
  return `${risk.kind}:${owner}:${axis}`;
}

/** This report's track gaps as history points, for the worker to keep for later snapshots. */
export function gapPointsOf(report: ScoreReport): { org: GapPoint; teams: Record<string, GapPoint> } {
  return {
    org: { at: report.asOf, trackGap: report.org.trackGap },
    teams: Object.fromEntries(report.teams.map((t) => [t.team, { at: report.asOf, trackGap: t.trackGap }])),
  };
}

/** Which criteria are state and which activity evidence, by criterion id. */
export function evidenceKindsOf(rubric: Pick<Rubric, "criteria">): ReadonlyMap<string, EvidenceKind> {
  return new Map(rubric.criteria.map((c) => [c.id, c.evidence]));
}

/** One system's report as alerts see it. */
export function systemSnapshot(
  system: SystemReport,
  evidenceKinds: ReadonlyMap<string, EvidenceKind>,
): SystemSnapshot {
  const criteria = axes.flatMap((axis) =>
    system.axes[axis].criteria.flatMap((criterion): CriterionSnapshot[] => {
      const evidenceKind = evidenceKinds.get(criterion.id);
      // Cannot happen when the report was scored with this rubric; a criterion of unknown
      // evidence kind is left out rather than guessed.
      if (evidenceKind === undefined) return [];
      const { id, status, evidence, evidenceCount } = criterion;
      return [{ id, axis, status, evidenceKind, evidence, evidenceCount }];
    }),
  );
  return {
    systemId: system.systemId,
    name: system.name,
    team: system.team,
    kind: system.kind,
    riskTier: system.riskTier,
    levels: Object.fromEntries(
      axes.map((axis) => [axis, system.axes[axis].level]),
    ) as SystemSnapshot["levels"],
    criteria,
    waivers: (system.waivers ?? []).map((w) => ({
      id: w.eventId,
      criterionId: w.criterionId,
      expiresAt: w.expiresAt,
      approver: w.approver,
      reason: w.reason,
    })),
  };
}
