import type { Database } from "@maturity/db";
import { countRisks, rankedRiskRows } from "@maturity/db";
import { riskKindSchema, riskTierSchema, systemKindSchema } from "@maturity/model";
import { z } from "zod";
import { keysetPage } from "./keyset-page.ts";

/** The filters of the ranked risks: a team, a risk kind, the system's kind and risk tier. */
export const riskFilterInput = z.object({
  team: z.string().min(1).optional(),
  kind: riskKindSchema.optional(),
  systemKind: systemKindSchema.optional(),
  riskTier: riskTierSchema.optional(),
});

export const riskPageInput = riskFilterInput.extend({
  limit: z.number().int().min(1).max(100).default(15),
  /** The last risk of the previous page (its `nextCursor`). */
  cursor: z.object({ rank: z.number(), riskKey: z.string() }).optional(),
});

/** One page of the ranked risks, highest first, with how many match in all. */
export async function rankedRiskPage(db: Database, input: z.output<typeof riskPageInput>) {
  const { limit, cursor, ...filter } = input;
  const [rows, total] = await Promise.all([
    rankedRiskRows(db, { ...filter, limit: limit + 1, after: cursor }),
    countRisks(db, filter),
  ]);
  const page = keysetPage(rows, limit, (row) => row.position);
  return { risks: page.items.map((row) => row.risk), nextCursor: page.nextCursor, total };
}
