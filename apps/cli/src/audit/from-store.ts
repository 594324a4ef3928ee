// An audit pack's source and rules from the event store: the system's stored events and history,
// scored under the policy that was in force at the pack's time.
import type { AuditSource } from "@maturity/audit";
import type { DatabaseHandle } from "@maturity/db";
import { knownSystemIds, policyActivationAsOf, storedAuditSource } from "@maturity/db";
import type { ActivePolicy } from "@maturity/policy";
import { builtinPolicy } from "@maturity/policy";
import { policyOfActivation } from "@maturity/worker";
import { unknownSystemMessage } from "./closest.ts";

export async function storeInputs(
  handle: DatabaseHandle,
  where: string,
  systemId: string,
  asOf: number,
): Promise<{ ok: true; source: AuditSource; policy: ActivePolicy } | { ok: false; message: string }> {
  const known = await knownSystemIds(handle.db);
  if (!known.includes(systemId)) return { ok: false, message: unknownSystemMessage(systemId, where, known) };
  const asOfIso = new Date(asOf).toISOString();
  const activation = await policyActivationAsOf(handle.db, asOfIso);
  let policy = builtinPolicy();
  if (activation !== null) {
    const resolved = policyOfActivation(activation);
    if (!resolved.ok)
      return {
        ok: false,
        message: `the policy in force at ${asOfIso} (event ${activation.id}) cannot be used: ${resolved.reason}`,
      };
    policy = resolved.policy;
  }
  return { ok: true, source: await storedAuditSource(handle.db, systemId, { asOf: asOfIso }), policy };
}
