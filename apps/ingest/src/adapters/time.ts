/**
 * Parses the times real senders use into RFC 3339 (UTC): ISO 8601, GitLab's
 * `2016-08-12 15:23:28 UTC` and `2021-04-28 21:50:00 +0200`, and unix seconds or milliseconds.
 */
export function toRfc3339(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) {
    const millis = value > 1e12 ? value : value * 1000;
    return validDate(new Date(millis));
  }
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const text = value.trim();
  const gitlab = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*(UTC|Z|[+-]\d{2}:?\d{2})$/i.exec(
    text,
  );
  if (gitlab) {
    const [, date, time, zone] = gitlab;
    const offset = /^(UTC|Z)$/i.test(zone!) ? "Z" : zone!.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
    return validDate(new Date(`${date}T${time}${offset}`));
  }
  // A time without a zone is ambiguous: refuse it rather than guess the server's zone.
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return undefined;
  return validDate(new Date(text));
}

function validDate(date: Date): string | undefined {
  const time = date.getTime();
  if (Number.isNaN(time) || time < 0 || time > 8.64e15) return undefined;
  return date.toISOString();
}

/** Seconds between two times, or undefined when either is missing or they run backwards. */
export function secondsBetween(start: unknown, end: unknown): number | undefined {
  const from = toRfc3339(start);
  const to = toRfc3339(end);
  if (from === undefined || to === undefined) return undefined;
  const seconds = (Date.parse(to) - Date.parse(from)) / 1000;
  return seconds >= 0 ? seconds : undefined;
}
