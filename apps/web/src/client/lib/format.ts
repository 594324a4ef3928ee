// Number and date formatting shared by every page; unknown values read "no data", never 0.
export function formatScore(score: number | null | undefined): string {
  return score == null ? "—" : score.toFixed(2);
}

export function formatSigned(value: number | null | undefined): string {
  if (value == null) return "—";
  const rounded = value.toFixed(2);
  return value > 0 ? `+${rounded}` : rounded;
}

export function formatDate(iso: string | null | undefined): string {
  return iso == null ? "—" : new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium" });
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso == null
    ? "—"
    : new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

export function formatPercent(share: number | null | undefined): string {
  return share == null ? "no data" : `${Math.round(share * 100)}%`;
}

export function formatHours(hours: number | null | undefined): string {
  if (hours == null) return "no data";
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * How long until `iso` from `from` (now by default), for expiries: "in 3 days", "in 20 hours",
 * "expired". Whole days are rounded down, so "in 1 day" never means less than a day.
 */
export function formatTimeUntil(iso: string, from: number = Date.now()): string {
  const ms = Date.parse(iso) - from;
  if (!(ms > 0)) return "expired";
  const hours = ms / 3_600_000;
  if (hours < 1) return `in ${Math.max(1, Math.floor(ms / 60_000))} min`;
  if (hours < 48) {
    const whole = Math.floor(hours);
    return `in ${whole} hour${whole === 1 ? "" : "s"}`;
  }
  return `in ${Math.floor(hours / 24)} days`;
}
