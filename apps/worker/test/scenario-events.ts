import { readFileSync } from "node:fs";
import type { MaturityEvent } from "@maturity/model";
import { parseEvent } from "@maturity/model";

/** The CLI's example organisation (942 events, 4 teams, 8 systems), as parsed events in time order. */
export function scenarioEvents(): MaturityEvent[] {
  const text = readFileSync(new URL("../../cli/examples/scenarios.ndjson", import.meta.url), "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const parsed = parseEvent(JSON.parse(line));
      if (!parsed.ok) throw new Error(`bad scenario line: ${line}`);
      return parsed.event;
    })
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

/** Consecutive slices of `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/**
 * The same event for another organisation's worth of systems: its own id and subject, and its own
 * native ids and queue names (two systems claiming one repo or queue would make the mapping a race).
 */
export function copyOfEvent(event: MaturityEvent, suffix: string): MaturityEvent {
  const data = { ...(event.data as Record<string, unknown>) };
  const sources = data.sources as Record<string, string[]> | undefined;
  if (sources !== undefined) {
    data.sources = Object.fromEntries(
      Object.entries(sources).map(([kind, ids]) => [kind, ids.map((id) => id + suffix)]),
    );
  }
  if (typeof data.queue === "string") data.queue = data.queue + suffix;
  return { ...event, id: event.id + suffix, subject: event.subject + suffix, data } as MaturityEvent;
}
