// The shape of rubric data. Degree rules are a small closed set that scoring interprets.
import { z } from "zod";
import { axisSchema, levelSchema, riskTierSchema, systemKindSchema } from "../kinds.ts";
import { criterionIdPattern } from "./criterion-id.ts";
import { populationNames, ruleMetrics } from "./populations.ts";

const populationSchema = z.enum(populationNames);

/** A field condition: equality, one of a list, or a numeric bound. */
export const fieldConditionSchema = z.union([
  z.boolean(),
  z.string(),
  z.number(),
  z.array(z.string()).min(1),
  z.strictObject({ atMost: z.number() }),
  z.strictObject({ atLeast: z.number() }),
]);
export type FieldCondition = z.infer<typeof fieldConditionSchema>;

/** Every listed field must satisfy its condition. */
export const whereSchema = z.record(z.string(), fieldConditionSchema);
export type Where = z.infer<typeof whereSchema>;

/** Share of the records of `of` (narrowed by `where`) that satisfy `that`. */
const shareRule = z.strictObject({
  rule: z.literal("share"),
  of: populationSchema,
  where: whereSchema.optional(),
  that: whereSchema,
});

/** 1 when any record of `of` satisfies `that`; 0 when records exist but none does. */
const presentRule = z.strictObject({
  rule: z.literal("present"),
  of: populationSchema,
  that: whereSchema.optional(),
});

/** Share of the window's weeks with at least `perWeek` records of `of` matching `where`. */
const cadenceRule = z.strictObject({
  rule: z.literal("cadence"),
  of: populationSchema,
  where: whereSchema.optional(),
  perWeek: z.number().positive(),
});

/** Share of the required `values` of `field` found among the records of `of`. */
const coversRule = z.strictObject({
  rule: z.literal("covers"),
  of: populationSchema,
  field: z.string(),
  values: z.array(z.string()).min(1),
  where: whereSchema.optional(),
});

/**
 * A metric held to a bound: degree 1 when it holds, otherwise how close it comes (below 1).
 * Use threshold 1 with it, so "nearly within the bound" is never met.
 */
const metricRule = z.strictObject({
  rule: z.literal("metric"),
  metric: z.enum(ruleMetrics),
  op: z.enum(["below", "atMost", "atLeast"]),
  value: z.number().positive(),
});

const leafRuleSchema = z.discriminatedUnion("rule", [
  shareRule,
  presentRule,
  cadenceRule,
  coversRule,
  metricRule,
]);
export type LeafRule = z.infer<typeof leafRuleSchema>;

/** Every part must hold: the degree is the lowest part's. */
const allRule = z.strictObject({ rule: z.literal("all"), rules: z.array(leafRuleSchema).min(2) });

export const degreeRuleSchema = z.discriminatedUnion("rule", [
  shareRule,
  presentRule,
  cadenceRule,
  coversRule,
  metricRule,
  allRule,
]);
export type DegreeRule = z.infer<typeof degreeRuleSchema>;

export const regulationClauseSchema = z.strictObject({
  framework: z.enum(["EU AI Act", "NIST AI RMF", "ISO/IEC 42001"]),
  clause: z.string().min(1),
});
export type RegulationClause = z.infer<typeof regulationClauseSchema>;

/** State evidence holds until replaced; activity evidence counts only inside the window. */
export const evidenceKindSchema = z.enum(["state", "activity"]);
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;

export { criterionIdPattern };

export const criterionDefinitionSchema = z.strictObject({
  id: z.string().regex(criterionIdPattern),
  axis: axisSchema,
  level: levelSchema.min(2),
  title: z.string().min(1),
  appliesTo: z.array(systemKindSchema).min(1),
  /** Only systems of these risk tiers (every tier when absent). */
  riskTiers: z.array(riskTierSchema).min(1).optional(),
  /** Only systems of these teams (every team when absent). */
  teams: z.array(z.string().min(1)).min(1).optional(),
  /** This criterion's evidence window in days, instead of the scoring run's (90 by default). */
  windowDays: z.int().min(1).max(3650).optional(),
  /** Met when degree ≥ threshold. */
  threshold: z.number().gt(0).max(1).default(0.9),
  degree: degreeRuleSchema,
  evidence: evidenceKindSchema,
  regulations: z.array(regulationClauseSchema).min(1),
  /** What it checks and how to meet it, in a sentence or two. */
  explanation: z.string().min(20),
});
export type CriterionDefinition = z.infer<typeof criterionDefinitionSchema>;
/** What rubric files write: the threshold may be left to its default. */
export type CriterionInput = z.input<typeof criterionDefinitionSchema>;

/** What a policy allows of waivers (gov.waiver.granted): how long one may run, and for what. */
export const waiverRulesSchema = z.strictObject({
  /** The longest a waiver may run, from its grant to its expiry. */
  maxDays: z.int().min(1).max(3650).default(180),
  /** Criteria that may never be waived. */
  forbidden: z.array(z.string().regex(criterionIdPattern)).default([]),
});
export type WaiverRules = z.infer<typeof waiverRulesSchema>;
export const defaultWaiverRules: WaiverRules = { maxDays: 180, forbidden: [] };

/** A rubric's version: the built-in one's date form, or a policy's `builtin@<v>+<name>@<n>`. */
export const rubricVersionPattern = /^[A-Za-z0-9][A-Za-z0-9._@+-]*$/;

export const rubricSchema = z.strictObject({
  version: z.string().max(200).regex(rubricVersionPattern),
  /** Waiver rules; the defaults (180 days, none forbidden) when absent. */
  waivers: waiverRulesSchema.optional(),
  criteria: z.array(criterionDefinitionSchema).min(1),
});
export type Rubric = z.infer<typeof rubricSchema>;
