// Which alerts a committed change raises: every rule compared against the state before and after
// it. Pure: the same rules, snapshots and time always decide the same alerts with the same ids.
import type { Alert } from "./alert.ts";
import type { AlertRule } from "./alerts-schema.ts";
import { campaignOffTrack } from "./rules/campaign-off-track.ts";
import { decisionContext, type DecisionContext } from "./rules/context.ts";
import { evidenceStale } from "./rules/evidence-stale.ts";
import { gapWidened } from "./rules/gap-widened.ts";
import { levelDropped } from "./rules/level-dropped.ts";
import { riskEnteredTop } from "./rules/risk-entered-top.ts";
import { waiverExpiring } from "./rules/waiver-expiring.ts";
import type { AlertSnapshot } from "./snapshot.ts";

export interface DecideInput {
  /** As read from the alerts file (defaults applied). */
  rules: readonly AlertRule[];
  /** The state last decided on; decide nothing on the very first state (there is no before). */
  before: AlertSnapshot;
  /** The state just committed. */
  after: AlertSnapshot;
  /** The time of the after state; waiver deadlines and gap periods are measured to it. */
  now: Date;
}

/** The alerts, rule by rule in file order, each rule's in a fixed order (systems by id, axes in display order). */
export function decideAlerts({ rules, before, after, now }: DecideInput): Alert[] {
  const context = decisionContext(before, after, now);
  return rules.flatMap((rule) => decideRule(rule, context));
}

function decideRule(rule: AlertRule, context: DecisionContext): Alert[] {
  switch (rule.kind) {
    case "level_dropped":
      return levelDropped(rule, context);
    case "risk_entered_top":
      return riskEnteredTop(rule, context);
    case "gap_widened":
      return gapWidened(rule, context);
    case "waiver_expiring":
      return waiverExpiring(rule, context);
    case "evidence_stale":
      return evidenceStale(rule, context);
    case "campaign_off_track":
      return campaignOffTrack(rule, context);
  }
}

/** How many days of gap history the snapshots must carry for these rules (0 without gap rules). */
export function gapHistoryDays(rules: readonly AlertRule[]): number {
  return Math.max(0, ...rules.map((rule) => (rule.kind === "gap_widened" ? rule.periodDays : 0)));
}
