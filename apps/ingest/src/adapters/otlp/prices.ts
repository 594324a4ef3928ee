import { z } from "zod";

/** USD per 1,000 tokens, per model. */
export type PriceTable = Record<string, { inputPer1k: number; outputPer1k: number }>;

const priceTableSchema = z.record(
  z.string().min(1),
  z.object({ inputPer1k: z.number().min(0), outputPer1k: z.number().min(0) }),
);

/** Parses INGEST_LLM_PRICES, e.g. `{"gpt-4o":{"inputPer1k":0.0025,"outputPer1k":0.01}}`. */
export function parsePriceTable(text: string): PriceTable {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = priceTableSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `expected {"<model>": {"inputPer1k": number, "outputPer1k": number}}: ${parsed.error.issues
        .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
        .join("; ")}`,
    );
  }
  return parsed.data;
}

/**
 * The price of a call, or undefined when the model is not in the table. An exact name wins;
 * otherwise the longest entry the model name starts with, because providers answer with dated
 * names (`gpt-4o-2024-08-06`) for the model that was requested as `gpt-4o`.
 */
export function priceCall(
  table: PriceTable,
  model: string,
  inputTokens: number,
  outputTokens: number,
): number | undefined {
  let price = table[model];
  if (price === undefined) {
    const prefix = Object.keys(table)
      .filter((name) => model.startsWith(name))
      .sort((a, b) => b.length - a.length)[0];
    price = prefix === undefined ? undefined : table[prefix];
  }
  if (price === undefined) return undefined;
  const usd = (inputTokens / 1000) * price.inputPer1k + (outputTokens / 1000) * price.outputPer1k;
  // Float noise such as 0.30000000000000004 is not a price anyone charged.
  return Math.round(usd * 1e9) / 1e9;
}
