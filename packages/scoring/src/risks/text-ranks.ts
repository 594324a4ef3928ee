/**
 * For each text, its position among the distinct texts in `compare` order; texts that compare
 * equal share a position. Sorting by these numbers orders like sorting by `compare`, with a few
 * thousand text comparisons (the distinct texts) instead of several per element compared.
 */
export function textRanks(texts: readonly string[], compare: (a: string, b: string) => number): Int32Array {
  const distinct = [...new Set(texts)].sort(compare);
  const rankOf = new Map<string, number>();
  let rank = 0;
  for (let i = 0; i < distinct.length; i++) {
    const text = distinct[i] as string;
    if (i > 0 && compare(distinct[i - 1] as string, text) !== 0) rank++;
    rankOf.set(text, rank);
  }
  const ranks = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) ranks[i] = rankOf.get(texts[i] as string) as number;
  return ranks;
}
