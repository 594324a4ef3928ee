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
