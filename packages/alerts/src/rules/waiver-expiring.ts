// A waiver comes within `withinDays` of its expiry, or expires. Each waiver passes each of those
// two points once, and the alert fires at the decision that sees it pass: where the waiver stood at
// the before snapshot's time against where it stands now. Re-scores in between change nothing.
import type { Axis } from "@maturity/model";
import type { AlertOf, WaiverStage } from "../alert.ts";
import type { WaiverExpiringRule } from "../alerts-schema.ts";
import type { SystemSnapshot, WaiverSnapshot } from "../snapshot.ts";
import {
  allows,
  dayMs,
  makeAlert,
  systemAllowed,
  systemLabel,
  systemSubject,
  type DecisionContext,
} from "./context.ts";

interface Seen {
  waiver: WaiverSnapshot;
  system: SystemSnapshot;
  inBefore: boolean;
  inAfter: boolean;
}

export function waiverExpiring(
  rule: WaiverExpiringRule,
  context: DecisionContext,
): AlertOf<"waiver_expiring">[] {
  const alerts: AlertOf<"waiver_expiring">[] = [];
  const beforeTime = Date.parse(context.before.asOf);
  const now = context.now.getTime();
  for (const { waiver, system, inBefore, inAfter } of seenWaivers(context)) {
    if (!systemAllowed(rule, system) || !allows(rule.axes, waiver.criterionId.split(".")[0] as Axis))
      continue;
    const expiresAt = Date.parse(waiver.expiresAt);
    const warnFrom = expiresAt - rule.withinDays * dayMs;
    const stageAt = (time: number): WaiverStage =>
      time >= expiresAt ? "expired" : time >= warnFrom ? "expiring" : "in_force";
    const before: WaiverStage = inBefore ? stageAt(beforeTime) : "not_seen";
    // Gone from the after state before its expiry: revoked (or its system left), nothing to say.
    const current = inAfter || now >= expiresAt ? stageAt(now) : undefined;
    const after = passed(before, current, rule.onExpiry);
    if (after === undefined) continue;
    const daysLeft = Math.max(0, Math.ceil((expiresAt - now) / dayMs));
    const date = waiver.expiresAt.slice(0, 10);
    const what = `The waiver on ${waiver.criterionId} for ${systemLabel(system)}`;
    alerts.push(
      makeAlert(rule, context, {
        subject: systemSubject(system),
        change: {
          waiverId: waiver.id,
          criterionId: waiver.criterionId,
          approver: waiver.approver,
          expiresAt: waiver.expiresAt,
          withinDays: rule.withinDays,
          before,
          after,
          daysLeft,
        },
        changeKey: `${waiver.id}:${after}`,
        // Each waiver passes each point once: the id need not (and must not) vary with the state.
        identity: `${waiver.id}@${waiver.expiresAt}`,
        evidence: [waiver.id],
        summary:
          after === "expired"
            ? `${what} expired on ${date}: the criterion is judged on its evidence again.`
            : `${what} expires in ${daysLeft} day${daysLeft === 1 ? "" : "s"}, on ${date} (approved by ${waiver.approver}).`,
      }),
    );
  }
  return alerts;
}

// The point a waiver passed between the two states, if any: expiry once; the warning once, and
// not at all when the expiry came first.
function passed(
  before: WaiverStage,
  current: WaiverStage | undefined,
  onExpiry: boolean,
): "expiring" | "expired" | undefined {
  if (current === "expired") return onExpiry && before !== "expired" ? "expired" : undefined;
  if (current === "expiring") return before === "expiring" || before === "expired" ? undefined : "expiring";
  return undefined;
}

// Every waiver of either state, by id, with the newest view of its system. An expired waiver has
// left the after state (the report lists waivers in force), so the before state is read too.
function seenWaivers(context: DecisionContext): Seen[] {
  const seen = new Map<string, Seen>();
  for (const system of context.afterSystems.values())
    for (const waiver of system.waivers)
      seen.set(waiver.id, { waiver, system, inBefore: false, inAfter: true });
  for (const prior of context.beforeSystems.values())
    for (const waiver of prior.waivers) {
      const known = seen.get(waiver.id);
      if (known !== undefined) known.inBefore = true;
      else
        seen.set(waiver.id, {
          waiver,
          system: context.afterSystems.get(prior.systemId) ?? prior,
          inBefore: true,
          inAfter: false,
        });
    }
  return [...seen.values()];
}
