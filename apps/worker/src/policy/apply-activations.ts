// A policy.activated event, applied in the transaction of its batch: when it brings content other
// than the policy in force, it is recorded as in force and every system is re-scored under it.
import type { AxisChange, Transaction } from "@maturity/db";
import { activePolicyRow, savePolicyInForce } from "@maturity/db";
import type { EventOf, MaturityEvent } from "@maturity/model";
import type { ActivePolicy } from "@maturity/policy";
import { rescoreForPolicy } from "../projections/rescore.ts";
import type { ScoringSettings } from "../projections/score-systems.ts";
import { policyOfActivation } from "./policy-in-force.ts";

export const isActivation = (event: MaturityEvent): event is EventOf<"policy.activated"> =>
  event.type === "policy.activated";

/**
 * The policy in force after these activations (in log order), and the activation that made it so;
 * undefined when none changes the content in force (a redelivered or repeated activation). Pure,
 * so replay follows the same rule.
 */
export function activationsOutcome(
  events: readonly MaturityEvent[],
  inForce: ActivePolicy,
): { policy: ActivePolicy; activation: EventOf<"policy.activated"> } | undefined {
  let outcome: { policy: ActivePolicy; activation: EventOf<"policy.activated"> } | undefined;
  let current = inForce;
  for (const event of events) {
    if (!isActivation(event)) continue;
    const resolved = policyOfActivation(event);
    // Records whose policy does not resolve are refused before the batch is applied.
    if (!resolved.ok) throw new Error(`policy.activated ${event.id}: ${resolved.reason}`);
    if (resolved.policy.contentHash === current.contentHash) continue;
    current = resolved.policy;
    outcome = { policy: current, activation: event };
  }
  return outcome;
}

/**
 * Applies the batch's new activations after its other events were scored (under the policy in
 * force before them): the last one that changes the content is recorded, and every system is
 * re-scored once under it, its history caused by that activation.
 */
export async function applyActivations(
  tx: Transaction,
  fresh: readonly MaturityEvent[],
  inForce: ActivePolicy,
  now: number,
  settings: ScoringSettings,
): Promise<{ policy: ActivePolicy; changes: AxisChange[] } | undefined> {
  const outcome = activationsOutcome(fresh, inForce);
  if (outcome === undefined) return undefined;
  await savePolicyInForce(tx, activePolicyRow(outcome.activation, outcome.policy));
  const changes = await rescoreForPolicy(tx, now, settings, outcome.policy, outcome.activation.id);
  return { policy: outcome.policy, changes };
}
