// Team-level risk: the LLM/agent track trailing the classical track of the same team.
import { axes, type Axis, type Risk, type SystemReport, type TeamRollup } from "@maturity/model";
import { exposure, rankOf } from "./exposure.ts";
import { upgradeForLevel } from "./next-upgrade.ts";

/** Half a level between team medians is already a visible lag. */
export const trackGapThreshold = 0.5;

export interface TrackGapInput {
  rollup: TeamRollup;
  /** The team's llm and agent systems (not retired), for exposure and evidence. */
  llmSystems: readonly Pick<SystemReport, "kind" | "riskTier" | "axes">[];
}

const evidenceCap = 20;

/**
 * The newest evidence id of each unmet criterion, system by system, axis by axis, up to `cap`:
 * collected only for a risk actually raised, and no further than the cap.
 */
export function unmetEvidence(systems: TrackGapInput["llmSystems"], cap: number): string[] {
  const ids: string[] = [];
  for (const s of systems)
    for (const axis of axes)
      for (const c of s.axes[axis].criteria) {
        if (ids.length === cap) return ids;
        if (!c.met && c.evidence[0] !== undefined) ids.push(c.evidence[0]);
      }
  return ids;
}

export function trackGapRisk({ rollup, llmSystems }: TrackGapInput): Risk | null {
  const lagging = axes
    .map((axis) => ({ axis, gap: rollup.trackGap[axis] }))
    .filter((g): g is { axis: Axis; gap: number } => g.gap !== null && g.gap >= trackGapThreshold)
    .sort((a, b) => b.gap - a.gap);
  const worst = lagging[0];
  if (worst === undefined) return null;
  const worstExposure = Math.max(1, ...llmSystems.map((s) => exposure(s.kind, s.riskTier)));
  const llmScores = [rollup.tracks.llm[worst.axis], rollup.tracks.agent[worst.axis]].filter(
    (s): s is number => s !== null,
  );
  const llmLevel = Math.floor(Math.min(...llmScores));
  return {
    kind: "track_gap",
    team: rollup.team,
    rank: rankOf(worst.gap, worstExposure, 1),
    axes: lagging.map((g) => g.axis),
    summary: `In team ${rollup.team}, LLM/agent systems trail the classical ones by ${lagging.map((g) => `${g.gap.toFixed(2)} on ${g.axis}`).join(", ")} (team medians). The newer track is where exposure is highest.`,
    nextUpgrade: `Bring LLM operations up to the classical track, starting with ${worst.axis}. ${upgradeForLevel(llmLevel)}`,
    evidence: unmetEvidence(llmSystems, evidenceCap),
  };
}
