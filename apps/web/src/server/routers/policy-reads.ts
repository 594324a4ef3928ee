// Reads behind the policy router and the point-in-time views: the policy in force with the
// activation that put it there, and the policy that was in force at a past time. Resolving a
// stored policy is the worker's (packages/policy behind it), so every process reads it alike.
import type { Database, StoredPolicy } from "@maturity/db";
import { loadPolicyInForce, policyActivationAsOf } from "@maturity/db";
import type { ActivePolicy } from "@maturity/policy";
import { builtinPolicy } from "@maturity/policy";
import { policyInForce, policyOfActivation } from "@maturity/worker";
import { TRPCError } from "@trpc/server";

/** The policy in force and the activation that put it there (null: the built-in rubric, never activated). */
export async function loadInForce(
  db: Database,
): Promise<{ policy: ActivePolicy; stored: StoredPolicy | null }> {
  const [policy, stored] = await Promise.all([policyInForce(db), loadPolicyInForce(db)]);
  return { policy, stored };
}

/** The policy in force now. */
export const policyInForceNow = (db: Database): Promise<ActivePolicy> => policyInForce(db);

/**
 * The policy in force at `asOf`: that of the latest stored policy.activated event at or before it
 * (the worker stores only activations that resolve), else the built-in rubric.
 */
export async function policyAsOf(db: Database, asOf: string): Promise<ActivePolicy> {
  const activation = await policyActivationAsOf(db, asOf);
  if (activation === null) return builtinPolicy();
  const resolved = policyOfActivation(activation);
  if (!resolved.ok)
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `the policy activated by ${activation.id} does not resolve with this version of the platform: ${resolved.reason}`,
    });
  return resolved.policy;
}
