// Whether a policy allows a waiver as granted (gov.waiver.granted), and if not, which rule it breaks.
import type { EventOf } from "@maturity/model";
import type { Rubric, WaiverRules } from "@maturity/model/rubric";

const dayMs = 86_400_000;

/** The parts of a gov.waiver.granted event the rules look at. */
export type WaiverGrant = Pick<EventOf<"gov.waiver.granted">, "time"> & {
  data: Pick<EventOf<"gov.waiver.granted">["data"], "criterionId" | "expiresAt">;
};

/** Undefined when the waiver is allowed; otherwise a sentence naming the rule it breaks. */
export function waiverIssue(rules: WaiverRules, rubric: Rubric, event: WaiverGrant): string | undefined {
  const { criterionId, expiresAt } = event.data;
  if (!rubric.criteria.some((c) => c.id === criterionId))
    return `The rubric ${rubric.version} has no criterion ${criterionId}, so there is nothing to waive.`;
  if (rules.forbidden.includes(criterionId))
    return `The policy forbids waiving ${criterionId} (waivers.forbidden).`;
  const granted = Date.parse(event.time);
  const expires = Date.parse(expiresAt);
  if (!(expires > granted))
    return `The waiver expires at ${expiresAt}, which is not after it was granted (${event.time}).`;
  const over = expires - granted - rules.maxDays * dayMs;
  if (over > 0)
    return `The waiver runs ${days(expires - granted)}, ${days(over)} longer than the policy's cap of ${rules.maxDays} days (waivers.maxDays).`;
  return undefined;
}

// Whole days when exact; otherwise to a tenth, never rounded down to nothing.
function days(ms: number): string {
  const n = ms / dayMs;
  const shown = Number.isInteger(n) ? n : Math.max(0.1, Math.round(n * 10) / 10);
  return `${shown} ${shown === 1 ? "day" : "days"}`;
}
