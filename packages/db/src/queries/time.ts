/** Postgres prints timestamptz as "2026-11-24 10:00:00+00"; everything we expose is RFC 3339. */
export function toIsoTime(value: string): string {
  return new Date(value).toISOString();
}
