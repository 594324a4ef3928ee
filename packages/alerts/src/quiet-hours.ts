// Quiet hours: a daily window, in a time zone, when messages wait rather than wake people. Pure: the
// wall-clock time comes from Intl for the instant given, never from the machine's clock or zone.
import type { QuietHours } from "./alerts-schema.ts";

const minuteMs = 60_000;
const dayMinutes = 24 * 60;

/** When the quiet hours around `now` end, or undefined when `now` is outside them. */
export function quietHoursEnd(
  now: Date,
  quiet: Pick<QuietHours, "from" | "to" | "timeZone">,
): Date | undefined {
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const local = localMinutes(now, quiet.timeZone);
  // A window over midnight (22:00–07:00) is the part before `to` or after `from`.
  const inside = from < to ? local >= from && local < to : local >= from || local < to;
  if (!inside) return undefined;
  const minuteStart = Math.floor(now.getTime() / minuteMs) * minuteMs;
  let end = minuteStart + ((to - local + dayMinutes) % dayMinutes) * minuteMs;
  // A daylight-saving change inside the window moves the wall clock: correct by what it shows.
  const off = (to - localMinutes(new Date(end), quiet.timeZone) + dayMinutes) % dayMinutes;
  end += (off > dayMinutes / 2 ? off - dayMinutes : off) * minuteMs;
  return new Date(end);
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function localMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part("hour") * 60 + part("minute");
}
