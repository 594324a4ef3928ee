// What the worker committed, as far as alerts care: the state before and after a batch (or a
// periodic re-score) is compared to decide what changed. snapshot-from-report.ts builds one from
// a score report; these types are the contract either way.
import type {
  Axis,
  CriterionStatus,
  Level,
  RiskKind,
  RiskTier,
  SystemKind,
  TrackGap,
  Tracks,
} from "@maturity/model";
import type { EvidenceKind } from "@maturity/model/rubric";

export interface AlertSnapshot {
  /**
   * What identifies this committed state, e.g. the batch's newest event id or `rescore:<asOf>`:
   * the same state must always carry the same id, so a redelivered batch decides the same alert ids
   * while a later drop to the same level (a new state) gets new ones.
   */
  stateId: string;
  /** The time the state describes (ISO 8601): waiver deadlines are crossed between before and now. */
  asOf: string;
  /** Every system in force (retired ones left out). */
  systems: SystemSnapshot[];
  /** Every risk of the organisation, highest rank first (the report's org.risks order); team rankings are read from it. */
  risks: RankedRisk[];
  rollups: {
    org: RollupSnapshot;
    teams: Record<string, RollupSnapshot>;
  };
  /**
   * The open campaigns campaign_off_track rules watch, evaluated as of the state (absent when no
   * such rule is in force, and in states saved before the rule existed).
   */
  campaigns?: CampaignSnapshot[];
}

/** A campaign's systems at risk of missing its deadline at present pace. */
export interface CampaignSnapshot {
  campaignId: string;
  name: string;
  /** RFC 3339, as defined. */
  deadline: string;
  atRisk: CampaignRiskSnapshot[];
}

export interface CampaignRiskSnapshot {
  systemId: string;
  name: string;
  team: string;
  /** Why it will miss (as @maturity/scoring's evaluateCampaign says). */
  reason: "declining" | "not_improving" | "too_slow" | "not_enough_history" | "no_forecast";
  /** When the target is expected at present pace (too_slow only). */
  expected: string | null;
}

export interface SystemSnapshot {
  systemId: string;
  name: string;
  team: string;
  kind: SystemKind;
  riskTier: RiskTier;
  /** The consolidated level per axis. */
  levels: Record<Axis, Level>;
  criteria: CriterionSnapshot[];
  /** The waivers in force. */
  waivers: WaiverSnapshot[];
}

export interface CriterionSnapshot {
  id: string;
  axis: Axis;
  status: CriterionStatus;
  /** From the rubric: state evidence holds until replaced, activity evidence only inside its window. */
  evidenceKind: EvidenceKind;
  /** Event ids the criterion was judged on, most recent first (capped as in the report). */
  evidence: string[];
  /** The full count behind `evidence`. */
  evidenceCount: number;
}

export interface WaiverSnapshot {
  /** The gov.waiver.granted event's id: a waiver's identity. */
  id: string;
  criterionId: string;
  /** ISO 8601. */
  expiresAt: string;
  approver: string;
  reason: string;
}

export interface RankedRisk {
  /** Stable across re-scores while it is "the same risk" (riskIdentity gives one from a report's risk). */
  id: string;
  kind: RiskKind;
  /** Absent for team-level risks (track_gap). */
  systemId?: string;
  team: string;
  title: string;
  rank: number;
  evidence: string[];
}

/** The classical vs LLM/agent picture of the organisation or one team. */
export interface RollupSnapshot {
  /** Median score per axis per track. */
  tracks: Tracks;
  /** Median classical − median of LLM and agent together, per axis; positive: LLM/agent lag. */
  trackGap: TrackGap;
  /**
   * Earlier track gaps, oldest first, reaching at least as far back as the longest gap_widened
   * period (gapHistoryDays): the gap a rule compares with is the one at the start of its period.
   */
  history: GapPoint[];
}

export interface GapPoint {
  /** ISO 8601. */
  at: string;
  trackGap: TrackGap;
}
