// Keyword rules over free text (an incident title, an alert name): the text is split into words,
// camelCase included, and a keyword matches a word that begins with it ("hallucinat" matches
// "hallucination", "drift" matches "FeatureDrift"). Tables of such rules are declared by the adapter
// that owns them; docs/incidents.md quotes them.

/** A rule of a keyword table: the value it gives when one of its keywords begins a word. */
export interface KeywordRule<T> {
  value: T;
  keywords: readonly string[];
}

/** "HighP99Latency of fraud-scorer" → ["high", "p99", "latency", "of", "fraud", "scorer"]. */
export function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The value of the first rule (in table order) one of whose keywords begins a word of the text. */
export function firstKeywordMatch<T>(text: string, rules: readonly KeywordRule<T>[]): T | undefined {
  const words = wordsOf(text);
  for (const rule of rules) {
    if (rule.keywords.some((keyword) => words.some((word) => word.startsWith(keyword)))) return rule.value;
  }
  return undefined;
}
