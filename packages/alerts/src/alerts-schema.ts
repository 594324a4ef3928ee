// The alerts file's shape (MATURITY_ALERTS): where alerts go, which changes raise them, and when
// people should not be woken. Checks that need the whole file (destination names, duplicate ids,
// secrets) are in file-checks.ts; zod only sees one field at a time.
import { axisSchema, riskKindSchema, riskTierSchema, systemKindSchema } from "@maturity/model";
import { evidenceKindSchema } from "@maturity/model/rubric";
import { z } from "zod";

/** Names of rules and destinations: they appear in ids, URLs and logs, so plain words only. */
export const namePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const name = z
  .string()
  .max(100)
  .regex(namePattern, "expected letters, digits and . _ - (starting with a letter or digit)");

// The secret and the URL may be written in the file or named as `${ENV_NAME}`: a Slack incoming
// webhook URL is itself a credential. Which it is, and whether it is valid, is checked once the
// reference is resolved (file-checks.ts), so here both are just non-empty text.
const credential = z.string().min(1).max(2048);

export const webhookDestinationSchema = z.strictObject({
  type: z.literal("webhook"),
  /** Where CloudEvents are POSTed; http(s). */
  url: credential,
  /** `whsec_<base64>` (Standard Webhooks), or `${ENV_NAME}` naming a variable that holds one. */
  secret: credential,
});

export const slackDestinationSchema = z.strictObject({
  type: z.literal("slack"),
  /** A Slack incoming webhook URL, or `${ENV_NAME}` naming a variable that holds one. */
  url: credential,
});

export const destinationSchema = z.discriminatedUnion("type", [
  webhookDestinationSchema,
  slackDestinationSchema,
]);

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).optional();

// Filters narrow what a rule watches; an absent filter watches everything.
const systemFilters = {
  axes: list(axisSchema),
  kinds: list(systemKindSchema),
  riskTiers: list(riskTierSchema),
  teams: list(z.string().min(1)),
};

const ruleBase = {
  id: name,
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

export const alertRuleSchema = z.discriminatedUnion("kind", [
  levelDroppedRuleSchema,
  riskEnteredTopRuleSchema,
  gapWidenedRuleSchema,
  waiverExpiringRuleSchema,
  evidenceStaleRuleSchema,
]);

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time of day HH:MM, e.g. 22:00");

export const quietHoursSchema = z
  .strictObject({
    from: clockTime,
    to: clockTime,
    /** An IANA time zone, e.g. Europe/Berlin. */
    timeZone: z.string().refine(isTimeZone, "expected an IANA time zone, e.g. Europe/Berlin or UTC"),
    /** The destinations held back; every destination when absent. */
    destinations: list(z.string().min(1)),
  })
  .refine((q) => q.from !== q.to, { error: "from and to must differ", path: ["to"] });

export const alertsFileSchema = z.strictObject({
  destinations: z.record(name, destinationSchema),
  rules: z.array(alertRuleSchema),
  grouping: z.strictObject({ quietHours: quietHoursSchema.optional() }).optional(),
});

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export type AlertRule = z.output<typeof alertRuleSchema>;
export type AlertKind = AlertRule["kind"];
export type LevelDroppedRule = z.output<typeof levelDroppedRuleSchema>;
export type RiskEnteredTopRule = z.output<typeof riskEnteredTopRuleSchema>;
export type GapWidenedRule = z.output<typeof gapWidenedRuleSchema>;
export type WaiverExpiringRule = z.output<typeof waiverExpiringRuleSchema>;
export type EvidenceStaleRule = z.output<typeof evidenceStaleRuleSchema>;
export type QuietHours = z.output<typeof quietHoursSchema>;
/** A rule as written, before defaults: what tests and callers building rules in code write. */
export type AlertRuleInput = z.input<typeof alertRuleSchema>;

export const alertKinds = [
  "level_dropped",
  "risk_entered_top",
  "gap_widened",
  "waiver_expiring",
  "evidence_stale",
] as const satisfies readonly AlertKind[];
