// An organisation's policy: the built-in rubric, pinned to a version, with its own changes. What a
// policy file may say is declared here once; packages/policy reads files into it and resolves it.
import { z } from "zod";
import { riskTierSchema, systemKindSchema } from "../kinds.ts";
import { criterionIdPattern } from "./criterion-id.ts";
import { criterionDefinitionSchema, waiverRulesSchema } from "./schema.ts";

const criterionId = z.string().regex(criterionIdPattern, {
  error: "expected a criterion id such as evaluation.l3.offline-eval-gate (see docs/rubric.md)",
});

/** The changes a policy makes to one built-in criterion; fields left out stay as built in. */
export const criterionOverrideSchema = z.strictObject({
  criterion: criterionId,
  threshold: z.number().gt(0).max(1).optional(),
  windowDays: z.int().min(1).max(3650).optional(),
  appliesTo: z.array(systemKindSchema).min(1).optional(),
  riskTiers: z.array(riskTierSchema).min(1).optional(),
  teams: z.array(z.string().min(1)).min(1).optional(),
  /** Turns the criterion off; the reason is shown wherever the policy is. */
  disabled: z.strictObject({ reason: z.string().min(10) }).optional(),
});
export type CriterionOverride = z.infer<typeof criterionOverrideSchema>;

/** `builtin@<rubric version>`: the built-in rubric a policy was written against. */
export const extendsPattern = /^builtin@\d{4}\.\d{2}-\d+$/;
export const policyNamePattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const policySchema = z.strictObject({
  /** The policy's own name, e.g. acme-bank (lowercase words joined by hyphens). */
  name: z.string().max(64).regex(policyNamePattern, { error: "expected lowercase words joined by hyphens" }),
  /** The policy's own version: a whole number, raised on every change. */
  version: z.int().min(1),
  extends: z
    .string()
    .regex(extendsPattern, { error: "expected builtin@<rubric version>, e.g. builtin@2026.11-1" }),
  description: z.string().optional(),
  waivers: waiverRulesSchema.optional(),
  /** Changes to built-in criteria, at most one entry per criterion. */
  overrides: z.array(criterionOverrideSchema).default([]),
  /** New criteria in the rubric's rule language. */
  criteria: z.array(criterionDefinitionSchema).default([]),
});
export type Policy = z.infer<typeof policySchema>;
/** What policy files write: defaults may be left out. */
export type PolicyInput = z.input<typeof policySchema>;
