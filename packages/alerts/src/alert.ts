// An alert: one change one rule cares about, with what it was before and is now. Renderers turn
// alerts into CloudEvents and Slack messages; nothing here knows about either.
import type { Axis, CriterionStatus, Level, RiskKind, RiskTier, SystemKind } from "@maturity/model";
import type { EvidenceKind } from "@maturity/model/rubric";
import type { AlertKind } from "./alerts-schema.ts";
import type { CampaignRiskSnapshot } from "./snapshot.ts";

/** What the alert is about: a system, a team's rollup, or the organisation's. */
export type AlertSubject =
  | { type: "system"; systemId: string; name: string; team: string; kind: SystemKind; riskTier: RiskTier }
  | { type: "team"; team: string }
  | { type: "org" };

/** A criterion whose status moved with a level drop. */
export interface CriterionMove {
  id: string;
  before: CriterionStatus;
  after: CriterionStatus;
}

export interface LevelDroppedChange {
  axis: Axis;
  before: Level;
  after: Level;
  /** The axis's criteria that stopped counting (met or waived before, neither now). */
  criteria: CriterionMove[];
}

export interface RiskEnteredTopChange {
  scope: "org" | "team";
  /** The team whose ranking it entered (scope team). */
  team?: string;
  top: number;
  risk: { id: string; kind: RiskKind; systemId?: string; team: string; title: string; rank: number };
  /** 1-based position in the ranking; null when it was not within the top before. */
  before: number | null;
  after: number;
}

export interface GapWidenedChange {
  scope: "org" | "team";
  team?: string;
  axis: Axis;
  periodDays: number;
  /** The rule's threshold. */
  by: number;
  /** The gap at the start of the period: what the widening is measured from. */
  baseline: { at: string; gap: number };
  before: number | null;
  after: number;
  /** |after| − |baseline|. */
  widenedBy: number;
}

/** Where a waiver stands: not seen, in force, within the warning days, or past its expiry. */
export type WaiverStage = "not_seen" | "in_force" | "expiring" | "expired";

export interface WaiverExpiringChange {
  waiverId: string;
  criterionId: string;
  approver: string;
  expiresAt: string;
  withinDays: number;
  before: WaiverStage;
  after: "expiring" | "expired";
  /** Whole days left, rounded up; 0 once expired. */
  daysLeft: number;
}

export interface EvidenceStaleChange {
  criterionId: string;
  axis: Axis;
  evidenceKind: EvidenceKind;
  before: { status: CriterionStatus; evidenceCount: number };
  after: { status: CriterionStatus; evidenceCount: number };
}

export interface CampaignOffTrackChange {
  campaignId: string;
  campaignName: string;
  /** RFC 3339, as defined. */
  deadline: string;
  reason: CampaignRiskSnapshot["reason"];
  /** When the target is expected at present pace (too_slow only). */
  expected: string | null;
}

export interface AlertChanges {
  level_dropped: LevelDroppedChange;
  risk_entered_top: RiskEnteredTopChange;
  gap_widened: GapWidenedChange;
  waiver_expiring: WaiverExpiringChange;
  evidence_stale: EvidenceStaleChange;
  campaign_off_track: CampaignOffTrackChange;
}

interface AlertBase {
  /** Deterministic (alert-id.ts): the same change of the same state always has the same id. */
  id: string;
  ruleId: string;
  destinations: string[];
  subject: AlertSubject;
  /** The events behind it, for the portal and auditors. */
  evidence: string[];
  /** One plain sentence; user content is not escaped here (renderers escape for their medium). */
  summary: string;
  /** When it was decided (ISO 8601): the decision's `now`. */
  decidedAt: string;
}

export type Alert = { [K in AlertKind]: AlertBase & { kind: K; change: AlertChanges[K] } }[AlertKind];
export type AlertOf<K extends AlertKind> = Extract<Alert, { kind: K }>;
