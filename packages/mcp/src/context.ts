import type { Database } from "@maturity/db";
import type { Rubric } from "@maturity/model/rubric";

/** What the tools read: the store's read model, and the rubric every score is computed with. */
export interface ToolContext {
  db: Database;
  /**
   * The rubric of the policy in force (the built-in one while none was activated): what the
   * criteria's thresholds, rules and clauses are explained from. The worker resolves it
   * (`policyInForce` of @maturity/worker); hosts pass it in.
   */
  rubricInForce: () => Promise<Rubric>;
  /** The portal's address, for links to its pages (none when absent). */
  portalUrl?: string | undefined;
}
