import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares two secrets in time independent of where they differ. Both sides are hashed first so
 * their lengths are equal too: timingSafeEqual alone would reveal the secret's length.
 */
export function secretsEqual(candidate: string | Buffer, expected: string | Buffer): boolean {
  const a = createHash("sha256").update(candidate).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
