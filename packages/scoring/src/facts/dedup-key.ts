// The dedup key (source, id) as a 53-bit hash: compact enough to keep for every event of every
// system. Two independent 32-bit FNV-1a hashes give a collision chance of ~n²/2^54 per system.

export function dedupHash(source: string, id: string): number {
  const a = hashA(hashA(hashA(0x811c9dc5, source), "\u0000"), id);
  const b = hashB(hashB(hashB(0x01000193 ^ 0x5bd1e995, source), "\u0000"), id);
  // 32 bits of a and 21 bits of b: an exact integer below 2^53.
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** FNV-1a over the text's UTF-16 code units, continuing from `hash`. */
function hashA(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/** The second, independent hash: another multiplier, and a shift folded in. */
function hashB(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++)
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x5bd1e995) ^ (hash >>> 15);
  return hash;
}
