// Small policies for tests, read the way files are.
import { rubricVersion } from "@maturity/model/rubric";
import type { ActivePolicy } from "../active-policy.ts";
import { formatPolicyErrors } from "../errors.ts";
import { readPolicyText } from "../read.ts";

/** A policy from YAML lines after its head (name test-policy, version 1); throws if refused. */
export function policyFrom(body: string, version = 1): ActivePolicy {
  const result = readPolicyText(
    `name: test-policy\nversion: ${version}\nextends: builtin@${rubricVersion}\n${body}`,
    "test.yaml",
  );
  if (!result.ok) throw new Error(formatPolicyErrors(result.errors));
  return result.policy;
}

/** A new criterion in YAML, as an item of `criteria:`. */
export const fairnessCriterion = `  - id: governance.l3.fairness-checked
    axis: governance
    level: 3
    title: High-risk systems pass a fairness check
    appliesTo: [classical]
    riskTiers: [high]
    degree: { rule: present, of: fairnessChecks, that: { passed: true } }
    evidence: activity
    regulations: [{ framework: EU AI Act, clause: Art. 10 }]
    explanation: Looks for a passed fairness check in the window.
`;
