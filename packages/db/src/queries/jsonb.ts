/** A jsonb column as raw SQL returns it: parsed by postgres.js, still text from PGlite's execute. */
export function fromJsonb<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}
