import { between } from "../facts/sorted.ts";
import type { DeployRec, SystemFacts } from "../facts/types.ts";

// Only succeeded deploys to production count for cadence, lead time and failure rate: a failed or
// staging deploy changes nothing users see. A model, prompt or config deploy counts like code.
export const isProductionSuccess = (d: DeployRec) => d.succeeded && d.environment === "production";

/** Succeeded production deploys with from < t ≤ to. */
export function productionDeploys(facts: SystemFacts, from: number, to: number): DeployRec[] {
  return between(facts.deploys, from, to).filter(isProductionSuccess);
}
