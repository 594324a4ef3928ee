// The policy's setting, declared once: which rules the platform scores with.
import { z } from "zod";

export const policySettings = {
  MATURITY_POLICY: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The policy or rubric file (YAML or JSON) the platform scores with, e.g. `policies/acme-bank.yaml`; unset, the built-in rubric (see docs/policy.md)",
    ),
};
