// MATURITY_POLICY read at start: a bad file stops the process with every error in it.
import type { ActivePolicy } from "@maturity/policy";
import { formatPolicyErrors, loadPolicyFile } from "@maturity/policy";

/** The policy the file names (undefined when unset); throws with each error as file:line:column. */
export async function loadPolicySetting(file: string | undefined): Promise<ActivePolicy | undefined> {
  if (file === undefined) return undefined;
  const result = await loadPolicyFile(file);
  if (!result.ok)
    throw new Error(`MATURITY_POLICY: the policy file is refused:\n${formatPolicyErrors(result.errors)}`);
  return result.policy;
}
