import { z } from "zod";
import { campaignSchema } from "../campaigns/campaign.ts";
import { text } from "./fields.ts";

/** The subject of campaign events: they are about no one system. */
export const campaignsSubject = "campaigns";

export const campaignEventData = {
  /** An admin defined a campaign, or changed one (the same id): the definition replaces the last. */
  "campaign.defined": z.looseObject({ actor: text, campaign: campaignSchema }),
  /** An admin closed a campaign: it is kept, with its progress, but no longer followed. */
  "campaign.closed": z.looseObject({
    actor: text,
    campaignId: text,
    reason: z.string().max(2000).optional(),
  }),
} as const;
