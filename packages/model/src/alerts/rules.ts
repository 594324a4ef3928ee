// Alert rules: which committed changes raise an alert, and where it goes (by destination name).
// Declared here, beside the events, because a rule change made in the portal travels as an event
// (alerts.rules.changed); @maturity/alerts reads the same rules from its file and decides with them.
import { z } from "zod";
import { axisSchema, riskTierSchema, systemKindSchema } from "../kinds.ts";
import { riskKindSchema } from "../report/risk.ts";
import { evidenceKindSchema } from "../rubric/schema.ts";

/** Names of rules and destinations: they appear in ids, URLs and logs, so plain words only. */
export const alertNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const alertName = z
  .string()
  .max(100)
  .regex(alertNamePattern, "expected letters, digits and . _ - (starting with a letter or digit)");

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).optional();

// Filters narrow what a rule watches; an absent filter watches everything.
const systemFilters = {
  axes: list(axisSchema),
  kinds: list(systemKindSchema),
  riskTiers: list(riskTierSchema),
  teams: list(z.string().min(1)),
};

const ruleBase = {
  id: alertName,
  destinations: z.array(z.string().min(1)).min(1),
};

export const levelDroppedRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("level_dropped"),
  /** Levels lost on one axis in one change before the rule fires. */
  minDrop: z.int().min(1).max(4).default(1),
  ...systemFilters,
});

export const riskEnteredTopRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("risk_entered_top"),
  /** The organisation's ranking, or each team's own. */
  scope: z.enum(["org", "team"]),
  top: z.int().min(1).max(100),
  riskKinds: list(riskKindSchema),
  // A team-level risk (track_gap) has no system: kinds and riskTiers leave it out.
  kinds: systemFilters.kinds,
  riskTiers: systemFilters.riskTiers,
  teams: systemFilters.teams,
});

export const gapWidenedRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("gap_widened"),
  scope: z.enum(["org", "team"]),
  /** How much the classical vs LLM/agent gap (in score points) must grow over the period. */
  by: z.number().gt(0).max(4),
  periodDays: z.int().min(1).max(3650),
  axes: systemFilters.axes,
  teams: systemFilters.teams,
});

export const waiverExpiringRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("waiver_expiring"),
  /** Warn when a waiver has this many days left. */
  withinDays: z.int().min(1).max(3650),
  /** Also say when it has expired. */
  onExpiry: z.boolean().default(true),
  ...systemFilters,
});

export const evidenceStaleRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("evidence_stale"),
  evidence: list(evidenceKindSchema),
  ...systemFilters,
  // Stale evidence matters most where the stakes are: high-risk systems unless the file says else.
  riskTiers: z.array(riskTierSchema).min(1).default(["high"]),
});

export const campaignOffTrackRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("campaign_off_track"),
  /** Campaign ids to watch; all open campaigns when absent. */
  campaigns: list(alertName),
  teams: systemFilters.teams,
});

export const alertRuleSchema = z.discriminatedUnion("kind", [
  levelDroppedRuleSchema,
  riskEnteredTopRuleSchema,
  gapWidenedRuleSchema,
  waiverExpiringRuleSchema,
  evidenceStaleRuleSchema,
  campaignOffTrackRuleSchema,
]);

export type AlertRule = z.output<typeof alertRuleSchema>;
export type AlertKind = AlertRule["kind"];
export type LevelDroppedRule = z.output<typeof levelDroppedRuleSchema>;
export type RiskEnteredTopRule = z.output<typeof riskEnteredTopRuleSchema>;
export type GapWidenedRule = z.output<typeof gapWidenedRuleSchema>;
export type WaiverExpiringRule = z.output<typeof waiverExpiringRuleSchema>;
export type EvidenceStaleRule = z.output<typeof evidenceStaleRuleSchema>;
export type CampaignOffTrackRule = z.output<typeof campaignOffTrackRuleSchema>;
/** A rule as written, before defaults: what tests and callers building rules in code write. */
export type AlertRuleInput = z.input<typeof alertRuleSchema>;

export const alertKinds = [
  "level_dropped",
  "risk_entered_top",
  "gap_widened",
  "waiver_expiring",
  "evidence_stale",
  "campaign_off_track",
] as const satisfies readonly AlertKind[];
