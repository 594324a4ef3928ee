// Reads an NDJSON file of CloudEvents line by line, validating each. Bad lines are collected with
// their line numbers; the caller must not score a file with any of them.
import { createReadStream, type ReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { createInterface } from "node:readline";
import { formatIssues, parseEvent, type MaturityEvent } from "@maturity/model";

export interface BadLine {
  line: number;
  message: string;
}

export interface ReadResult {
  eventCount: number;
  badLines: BadLine[];
}

/** Reporting stops collecting after this many bad lines (the count goes on). */
export const badLineReportCap = 20;

/** How often (in lines) `onProgress` hears how far the reading has got. */
export const progressEveryLines = 2_000;

/**
 * Calls `onEvent` with each valid event in order, from a file (a path) or a stream. `onProgress`,
 * when given, is called every `progressEveryLines` lines and once at the end with the bytes read
 * from a file so far (a little ahead of the lines handled, by at most one read buffer; 0 for a
 * stream) and the events read so far.
 */
export async function readEvents(
  source: string | Readable,
  onEvent: (event: MaturityEvent) => void,
  onProgress?: (bytesRead: number, eventCount: number) => void,
): Promise<ReadResult> {
  const input: Readable =
    typeof source === "string" ? createReadStream(source, { encoding: "utf8" }) : source;
  const bytesRead = () => (typeof source === "string" ? (input as ReadStream).bytesRead : 0);
  const lines = createInterface({ input, crlfDelay: Infinity });
  const badLines: BadLine[] = [];
  let lineNumber = 0;
  let eventCount = 0;
  for await (const text of lines) {
    lineNumber += 1;
    if (onProgress !== undefined && lineNumber % progressEveryLines === 0)
      onProgress(bytesRead(), eventCount);
    if (text.trim() === "") continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      badLines.push({ line: lineNumber, message: `not JSON (${(error as Error).message})` });
      continue;
    }
    const parsed = parseEvent(json);
    if (!parsed.ok) {
      badLines.push({ line: lineNumber, message: formatIssues(parsed.issues) });
      continue;
    }
    eventCount += 1;
    // Once a line is bad nothing will be scored, so later events need not be folded.
    if (badLines.length === 0) onEvent(parsed.event);
  }
  onProgress?.(bytesRead(), eventCount);
  return { eventCount, badLines };
}
