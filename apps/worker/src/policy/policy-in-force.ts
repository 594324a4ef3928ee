// The policy every score is computed with: the one stored as in force (packages/db), resolved into
// a rubric by packages/policy; the built-in rubric while none was activated. Read from the database
// in every transaction that scores, so every worker of a group follows an activation at once.
import type { Database, Transaction } from "@maturity/db";
import { loadPolicyInForce, policyInForceHash } from "@maturity/db";
import type { EventOf } from "@maturity/model";
import type { ActivePolicy } from "@maturity/policy";
import { activePolicyFromDocument, builtinPolicy, contentHash, formatPolicyErrors } from "@maturity/policy";

// Resolving a document checks it whole; a policy's content hash names it, so once is enough.
const resolved = new Map<string, ActivePolicy>();
const cacheSize = 8;

function remember(policy: ActivePolicy): ActivePolicy {
  resolved.delete(policy.contentHash);
  resolved.set(policy.contentHash, policy);
  if (resolved.size > cacheSize) resolved.delete(resolved.keys().next().value!);
  return policy;
}

/**
 * The policy an activation carries, or why it cannot be applied (its document is no valid policy
 * or rubric). Its identity is the hash of the document as computed here: what the event claims
 * as contentHash is not trusted.
 */
export function policyOfActivation(
  event: EventOf<"policy.activated">,
): { ok: true; policy: ActivePolicy } | { ok: false; reason: string } {
  const known = resolved.get(contentHash(event.data.document));
  if (known !== undefined) return { ok: true, policy: remember(known) };
  const result = activePolicyFromDocument(event.data.document, "data.document");
  if (!result.ok)
    return { ok: false, reason: `the policy it activates is invalid: ${formatPolicyErrors(result.errors)}` };
  return { ok: true, policy: remember(result.policy) };
}

/** The policy in force as the database holds it now (in the caller's transaction, if any). */
export async function policyInForce(db: Database | Transaction): Promise<ActivePolicy> {
  const hash = await policyInForceHash(db);
  if (hash === null) return builtinPolicy();
  const known = resolved.get(hash);
  if (known !== undefined) return known;
  const stored = await loadPolicyInForce(db);
  if (stored === null) return builtinPolicy(); // replaced by a replay in between: the built-in
  const result = activePolicyFromDocument(stored.document, `the policy in force (${stored.name})`);
  // It was checked when activated; only a change of the built-in rubric under it can break it.
  if (!result.ok)
    throw new Error(
      `the policy in force, ${stored.name} ${stored.version} (activated by ${stored.actor}, event ${stored.eventId}), ` +
        `does not resolve with this version of the platform: ${formatPolicyErrors(result.errors)}. ` +
        "Activate a policy written for this version (MATURITY_POLICY or the portal).",
    );
  return remember(result.policy);
}
