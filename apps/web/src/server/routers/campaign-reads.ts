// A stored campaign evaluated as of a time, under the policy in force: the reading itself is the
// worker's (its rollup evaluates campaigns for the campaign_off_track alert rule the same way).
import type { Database, StoredCampaign } from "@maturity/db";
import type { CampaignProgress } from "@maturity/scoring";
import { campaignProgress as evaluateStoredCampaign } from "@maturity/worker";
import { policyInForceNow } from "./policy-reads.ts";

export async function campaignProgress(
  db: Database,
  stored: StoredCampaign,
  asOf: number,
): Promise<CampaignProgress> {
  const { rubric } = await policyInForceNow(db);
  return evaluateStoredCampaign(db, stored, asOf, rubric);
}
