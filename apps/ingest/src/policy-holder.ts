// The policy ingest checks waivers against: held so the host can swap it when another policy is
// put in force (the portal's activation, or the database's policy changing under `npm start`).
import type { ActivePolicy } from "@maturity/policy";
import { builtinPolicy } from "@maturity/policy";

export interface PolicyHolder {
  get(): ActivePolicy;
  set(policy: ActivePolicy): void;
}

export function createPolicyHolder(initial: ActivePolicy = builtinPolicy()): PolicyHolder {
  let current = initial;
  return {
    get: () => current,
    set(policy) {
      current = policy;
    },
  };
}
