// The dedup key (source, id) as a 53-bit hash: compact enough to keep for every event of every
// system. Two independent 32-bit FNV-1a hashes give a collision chance of ~n²/2^54 per system.

export function dedupHash(source: string, id: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  // Inlined by hand: a closure here is re-created (and, under tsx, re-named) on every call.
  const length = source.length + 1 + id.length;
  for (let i = 0; i < length; i++) {
    const code =
      i < source.length
        ? source.charCodeAt(i)
        : i === source.length
          ? 0
          : id.charCodeAt(i - source.length - 1);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
  }
  // 32 bits of a and 21 bits of b: an exact integer below 2^53.
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}
