// Shorthands for the regulation clauses criteria cite, so the rubric files stay readable.
import type { RegulationClause } from "./schema.ts";

export const euAiAct = (article: number): RegulationClause => ({
  framework: "EU AI Act",
  clause: `Art. ${article}`,
});
export const nistRmf = (subcategory: string): RegulationClause => ({
  framework: "NIST AI RMF",
  clause: subcategory,
});
export const iso42001 = (control: string): RegulationClause => ({
  framework: "ISO/IEC 42001",
  clause: `Annex A ${control}`,
});

export const allKinds = ["classical", "llm", "agent"] as const;
export const llmKinds = ["llm", "agent"] as const;
