// Campaigns: an organisation's target with a deadline (e.g. every high-risk LLM system at
// evaluation level 3 by June), owned by someone, over a scope of systems. Declared here because a
// campaign travels as events (campaign.defined, campaign.closed) and the portal, the worker and
// the scoring read the same definition.
import { z } from "zod";
import { alertName } from "../alerts/rules.ts";
import { axisSchema, riskTierSchema, systemKindSchema } from "../kinds.ts";
import { criterionIdPattern } from "../rubric/criterion-id.ts";
import { deadline } from "../events/fields.ts";

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).optional();

/** Which systems a campaign covers; an absent filter covers all. Retired systems never count. */
export const campaignScopeSchema = z.strictObject({
  teams: list(z.string().min(1).max(200)),
  kinds: list(systemKindSchema),
  riskTiers: list(riskTierSchema),
});

export const campaignTargetSchema = z.discriminatedUnion("kind", [
  /** The axis's consolidated level at or above `level`. */
  z.strictObject({ kind: z.literal("axis_level"), axis: axisSchema, level: z.int().min(2).max(5) }),
  /** The criterion met (or waived, which counts as met). */
  z.strictObject({
    kind: z.literal("criterion_met"),
    criterionId: z.string().regex(criterionIdPattern, {
      error: "expected a criterion id such as evaluation.l3.offline-eval-gate (see docs/rubric.md)",
    }),
  }),
]);

export const campaignSchema = z.strictObject({
  /** Plain words: it appears in URLs and event ids. */
  id: alertName,
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  scope: campaignScopeSchema,
  target: campaignTargetSchema,
  /**
   * RFC 3339 with an offset: the systems in scope should meet the target by then. Held to the same
   * bounds as a waiver's expiry: no earlier than the time window, as far ahead as it needs to be.
   */
  deadline,
  /** Who answers for it (a person or a team). */
  owner: z.string().min(1).max(200),
});

export type Campaign = z.output<typeof campaignSchema>;
export type CampaignScope = z.output<typeof campaignScopeSchema>;
export type CampaignTarget = z.output<typeof campaignTargetSchema>;
