export const hourMs = 3_600_000;
export const dayMs = 86_400_000;
export const weekMs = 7 * dayMs;

/** Start of the UTC day holding `t` (epoch ms), negative times included. */
export function utcDayStart(t: number): number {
  return t - (((t % dayMs) + dayMs) % dayMs);
}
