/** The rows of a raw `execute` result: postgres.js returns them as the result, PGlite in `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
