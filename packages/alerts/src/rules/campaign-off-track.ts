// A system in a campaign's scope, not meeting its target, is now at risk of missing the deadline at
// present pace and was not at the last decision. A campaign the last decision did not see (new, or
// newly watched) decides nothing until the next one: there is no before to compare with.
import type { AlertOf } from "../alert.ts";
import type { CampaignOffTrackRule } from "../alerts-schema.ts";
import { allows, makeAlert, systemLabel, systemSubject, type DecisionContext } from "./context.ts";

const reasons = {
  declining: "declining",
  not_improving: "not improving",
  too_slow: "improving too slowly",
  not_enough_history: "not enough history to tell",
  no_forecast: "not met yet",
} as const;

export function campaignOffTrack(
  rule: CampaignOffTrackRule,
  context: DecisionContext,
): AlertOf<"campaign_off_track">[] {
  const alerts: AlertOf<"campaign_off_track">[] = [];
  const before = new Map((context.before.campaigns ?? []).map((c) => [c.campaignId, c]));
  for (const campaign of context.after.campaigns ?? []) {
    const prior = before.get(campaign.campaignId);
    if (prior === undefined || !allows(rule.campaigns, campaign.campaignId)) continue;
    const wasAtRisk = new Set(prior.atRisk.map((risk) => risk.systemId));
    for (const risk of campaign.atRisk) {
      const system = context.afterSystems.get(risk.systemId);
      if (wasAtRisk.has(risk.systemId) || system === undefined || !allows(rule.teams, system.team)) continue;
      const { campaignId, name, deadline } = campaign;
      const pace = risk.expected === null ? "" : ` (expected ${risk.expected.slice(0, 10)})`;
      alerts.push(
        makeAlert(rule, context, {
          subject: systemSubject(system),
          change: { campaignId, campaignName: name, deadline, reason: risk.reason, expected: risk.expected },
          changeKey: `campaign:${campaignId}`,
          evidence: [],
          summary: `${systemLabel(system)} fell off track for campaign '${name}' (deadline ${deadline.slice(0, 10)}): ${reasons[risk.reason]}${pace}.`,
        }),
      );
    }
  }
  return alerts;
}
