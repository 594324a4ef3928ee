// The maturity rubric as versioned data (docs/rubric.md). Scoring interprets it; nothing else
// decides levels.
import { deploymentCriteria } from "./criteria/deployment.ts";
import { evaluationCriteria } from "./criteria/evaluation.ts";
import { governanceCriteria } from "./criteria/governance.ts";
import { observabilityCriteria } from "./criteria/observability.ts";
import { reproducibilityCriteria } from "./criteria/reproducibility.ts";
import { rubricSchema, type Rubric } from "./schema.ts";

export * from "./schema.ts";
export * from "./policy.ts";
export * from "./populations.ts";
export * from "./rule-fields.ts";
export * from "./checks.ts";

/** Bump when a criterion, threshold or rule changes: score history records which rubric made a score. */
export const rubricVersion = "2026.11-1";

// Parsed once at load: defaults are applied and a malformed edit fails loudly, not silently.
export const rubric: Rubric = rubricSchema.parse({
  version: rubricVersion,
  criteria: [
    ...reproducibilityCriteria,
    ...evaluationCriteria,
    ...deploymentCriteria,
    ...observabilityCriteria,
    ...governanceCriteria,
  ],
});
