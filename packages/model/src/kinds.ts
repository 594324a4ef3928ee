import { z } from "zod";

/** What sort of ML system this is; also the track it is rolled up under. */
export const systemKindSchema = z.enum(["classical", "llm", "agent"]);
export type SystemKind = z.infer<typeof systemKindSchema>;

export const riskTierSchema = z.enum(["minimal", "limited", "high"]);
export type RiskTier = z.infer<typeof riskTierSchema>;

// The order is the display order everywhere (heat map columns, report keys).
export const axes = ["reproducibility", "evaluation", "deployment", "observability", "governance"] as const;
export const axisSchema = z.enum(axes);
export type Axis = z.infer<typeof axisSchema>;

// Rollup tracks are exactly the system kinds; a separate name keeps the report's vocabulary.
export const trackSchema = systemKindSchema;
export type Track = z.infer<typeof trackSchema>;

/** Maturity level 1 (ad hoc) … 5 (closed-loop and governed). */
export const levelSchema = z.int().min(1).max(5);
export type Level = z.infer<typeof levelSchema>;
