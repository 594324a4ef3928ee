// Campaign definitions and closings, applied from their events in the batch's transaction. Both
// are idempotent and order-safe (the latest event by time, then id, wins).
import type { Transaction } from "@maturity/db";
import { closeCampaign, saveCampaignDefinition } from "@maturity/db";
import type { MaturityEvent } from "@maturity/model";

export async function applyCampaignEvents(tx: Transaction, fresh: readonly MaturityEvent[]): Promise<void> {
  for (const event of fresh) {
    if (event.type === "campaign.defined")
      await saveCampaignDefinition(tx, {
        campaign: event.data.campaign,
        actor: event.data.actor,
        at: event.time,
        eventId: event.id,
      });
    else if (event.type === "campaign.closed")
      await closeCampaign(tx, {
        campaignId: event.data.campaignId,
        actor: event.data.actor,
        at: event.time,
        reason: event.data.reason,
        eventId: event.id,
      });
  }
}
