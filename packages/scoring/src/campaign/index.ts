export {
  evaluateCampaign,
  inCampaignScope,
  targetAxis,
  type CampaignMember,
  type CampaignProgress,
  type MissReason,
} from "./evaluate-campaign.ts";
