/**
 * For each text, its position among the distinct texts in `compare` order; texts that compare
 * equal share a position. Sorting by these numbers orders like sorting by `compare`, with a few
 * thousand text comparisons (the distinct texts) instead of several per element compared.
 */
export function textRanks(texts: readonly string[], compare: (a: string, b: string) => number): Int32Array {
  // First a slot per distinct text (one map lookup per text), then the slots' ranks.
  const slotOf = new Map<string, number>();
  const slots = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string;
    let slot = slotOf.get(text);
    if (slot === undefined) {
      slot = slotOf.size;
      slotOf.set(text, slot);
    }
    slots[i] = slot;
  }
  const distinct = [...slotOf.keys()];
  const order = Array.from(distinct.keys()).sort((a, b) =>
    compare(distinct[a] as string, distinct[b] as string),
  );
  const rankOfSlot = new Int32Array(distinct.length);
  let rank = 0;
  for (let i = 0; i < order.length; i++) {
    const slot = order[i] as number;
    if (i > 0 && compare(distinct[order[i - 1] as number] as string, distinct[slot] as string) !== 0) rank++;
    rankOfSlot[slot] = rank;
  }
  for (let i = 0; i < slots.length; i++) slots[i] = rankOfSlot[slots[i] as number] as number;
  return slots;
}
