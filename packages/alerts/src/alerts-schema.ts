// The alerts file's shape (MATURITY_ALERTS): where alerts go, which changes raise them, and when
// people should not be woken. Checks that need the whole file (destination names, duplicate ids,
// secrets) are in file-checks.ts; zod only sees one field at a time.
// The rules themselves are the model's (they also travel as alerts.rules.changed events).
import { alertName as name, alertRuleSchema } from "@maturity/model";
import { z } from "zod";

export {
  alertKinds,
  alertRuleSchema,
  type AlertKind,
  type AlertRule,
  type AlertRuleInput,
  type CampaignOffTrackRule,
  type EvidenceStaleRule,
  type GapWidenedRule,
  type LevelDroppedRule,
  type RiskEnteredTopRule,
  type WaiverExpiringRule,
} from "@maturity/model";

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

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time of day HH:MM, e.g. 22:00");

export const quietHoursSchema = z
  .strictObject({
    from: clockTime,
    to: clockTime,
    /** An IANA time zone, e.g. Europe/Berlin. */
    timeZone: z.string().refine(isTimeZone, "expected an IANA time zone, e.g. Europe/Berlin or UTC"),
    /** The destinations held back; every destination when absent. */
    destinations: z.array(z.string().min(1)).min(1).optional(),
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

export type QuietHours = z.output<typeof quietHoursSchema>;
