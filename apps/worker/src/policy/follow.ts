// Processes that check input against the policy (ingest's waiver rules) follow the policy in force
// as the database records it, whichever process applied the activation.
import type { Database } from "@maturity/db";
import { policyInForceHash } from "@maturity/db";
import type { ActivePolicy } from "@maturity/policy";
import { policyInForce } from "./policy-in-force.ts";

export interface PolicyFollower {
  stop(): void;
}

/**
 * Calls `onChange` with the policy in force each time the database's changes (polled every
 * `intervalMs`); the policy in force when it starts is the caller's to know, so it is not passed.
 */
export async function followPolicyInForce(
  db: Database,
  onChange: (policy: ActivePolicy) => void,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): Promise<PolicyFollower> {
  let seen = await policyInForceHash(db);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void (async () => {
      const hash = await policyInForceHash(db);
      if (hash === seen) return;
      const policy = await policyInForce(db);
      seen = hash;
      onChange(policy);
    })()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => (running = false));
  }, options.intervalMs ?? 2_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
