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
