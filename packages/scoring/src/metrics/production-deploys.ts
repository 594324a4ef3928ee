import { rowsBetween } from "../facts/columns.ts";
import type { Columns, DeployRec, SystemFacts } from "../facts/types.ts";

// Only succeeded deploys to production count for cadence, lead time and failure rate: a failed or
// staging deploy changes nothing users see. A model, prompt or config deploy counts like code.
export const isProductionSuccess = (deploys: Columns<DeployRec>, row: number): boolean =>
  deploys.succeeded[row] === true && deploys.environment[row] === "production";

/** Rows of the succeeded production deploys with from < t ≤ to. */
export function productionDeploys(facts: SystemFacts, from: number, to: number): number[] {
  const [start, end] = rowsBetween(facts.deploys, from, to);
  const rows: number[] = [];
  for (let i = start; i < end; i++) if (isProductionSuccess(facts.deploys, i)) rows.push(i);
  return rows;
}
