// What the policy in force refuses at the door: waivers its rules do not allow, and any attempt by
// a sender at an admin action (only the platform emits policy.activated and the alerts' events).
import type { MaturityEvent } from "@maturity/model";
import { platformOnlyReason } from "@maturity/model";
import { defaultWaiverRules } from "@maturity/model/rubric";
import type { ActivePolicy } from "@maturity/policy";
import { waiverIssue } from "@maturity/policy";
import { IngestError } from "./errors.ts";

/** Why a sender may not send `type` (an admin action), in words. */
export function platformEventRefusal(type: string, reason: string): string {
  return `${type} is emitted only by the platform: ${reason}`;
}

/**
 * Throws for the first event the policy refuses, naming the event (in a batch), the field and the
 * rule; the caller appends nothing then, so a request is accepted whole or not at all.
 */
export function refusePolicyBreaches(events: readonly MaturityEvent[], policy: ActivePolicy): void {
  const batch = events.length > 1;
  for (const [index, event] of events.entries()) {
    const at = (field: string) => (batch ? `[${index}].${field}` : field);
    const which = batch ? `event ${index} of the batch` : "the event";
    const adminOnly = platformOnlyReason(event);
    if (adminOnly !== undefined) {
      const refusal = platformEventRefusal(event.type, adminOnly);
      throw new IngestError(
        403,
        "platform_event_refused",
        `${which} is refused, so nothing was accepted: ${refusal}`,
        {
          issues: [{ path: at("type"), message: refusal }],
          ...(batch && { index }),
        },
      );
    }
    if (event.type !== "gov.waiver.granted") continue;
    const { rubric } = policy;
    const rules = rubric.waivers ?? defaultWaiverRules;
    const issue = waiverIssue(rules, rubric, event);
    if (issue === undefined) continue;
    const field = at(waiverField(event, policy));
    throw new IngestError(
      422,
      "waiver_refused",
      `${which} is refused, so nothing was accepted: ${field}: ${issue}`,
      {
        issues: [{ path: field, message: issue }],
        ...(batch && { index }),
      },
    );
  }
}

// The criterion when it cannot be waived at all (unknown or forbidden); otherwise its expiry.
function waiverField(event: MaturityEvent & { type: "gov.waiver.granted" }, policy: ActivePolicy): string {
  const { criterionId } = event.data;
  const rules = policy.rubric.waivers ?? defaultWaiverRules;
  const known = policy.rubric.criteria.some((criterion) => criterion.id === criterionId);
  return !known || rules.forbidden.includes(criterionId) ? "data.criterionId" : "data.expiresAt";
}
