// Reads a file of events (or standard input) and folds it into facts, as `maturity score` and
// `maturity rubric preview` both need: events after asOf are left out, and events of a native id
// wait until the whole file has said which system claims it (as they wait in the store until a
// mapping names their system; packages/model's routing).
import { stat } from "node:fs/promises";
import type { MaturityEvent } from "@maturity/model";
import { addClaimedMappings, claimedNativeIds, isUnmappedSubject, routeEvent } from "@maturity/model";
import type { OrgFacts } from "@maturity/scoring";
import { evolve, initialFacts } from "@maturity/scoring";
import cliProgress from "cli-progress";
import { eventsPerSecond } from "./format/rate.ts";
import { badLineReportCap, readEvents } from "./read-events.ts";

export interface FoldedFile {
  facts: OrgFacts;
  eventCount: number;
  /** Events after asOf, not folded. */
  later: number;
  /** Events of native ids no system in the file claims, not folded. */
  unmapped: number;
}

/**
 * The file's events folded as of `asOf`, or an error message (a missing file, bad lines: then
 * nothing is folded, and the message lists the first bad lines).
 */
export async function foldFile(
  file: string,
  asOf: number,
  command: string,
): Promise<{ ok: true; folded: FoldedFile } | { ok: false; message: string }> {
  const fromStdin = file === "-";
  const fileStat = fromStdin ? null : await stat(file).catch(() => null);
  if (!fromStdin && (fileStat === null || !fileStat.isFile()))
    return { ok: false, message: `maturity ${command}: cannot read ${file}: no such file` };
  const facts = initialFacts();
  let later = 0;
  // Standard input has no size to measure progress against.
  const bar = fileStat === null ? null : readingBar(fileStat.size);
  const claims: MaturityEvent[] = [];
  const waiting: MaturityEvent[] = [];
  const result = await readEvents(
    fromStdin ? process.stdin : file,
    (event) => {
      if (Date.parse(event.time) > asOf) later += 1;
      else if (isUnmappedSubject(event.subject)) waiting.push(event);
      else {
        if (claimedNativeIds(event).length > 0) claims.push(event);
        evolve(facts, event);
      }
    },
    bar?.update,
  );
  bar?.stop();
  if (result.badLines.length > 0) {
    const shown = result.badLines.slice(0, badLineReportCap);
    const lines = shown.map((bad) => `  line ${bad.line}: ${bad.message}`);
    const more = result.badLines.length - shown.length;
    return {
      ok: false,
      message: `maturity ${command}: ${fromStdin ? "standard input" : file} has ${result.badLines.length} bad line(s); nothing was scored.\n${lines.join("\n")}${more > 0 ? `\n  … and ${more} more` : ""}`,
    };
  }
  const mappings = new Map<string, string>();
  addClaimedMappings(mappings, claims);
  let unmapped = 0;
  for (const event of waiting) {
    const routed = routeEvent(event, mappings);
    if (routed === undefined) unmapped += 1;
    else evolve(facts, routed);
  }
  return { ok: true, folded: { facts, eventCount: result.eventCount, later, unmapped } };
}

/** What was read and what was left out, for the line under a summary. */
export function readNote({ eventCount, later, unmapped }: FoldedFile): string {
  const skipped = [
    later > 0 ? `; ${later} event(s) after --as-of were not used` : "",
    unmapped > 0 ? `; ${unmapped} event(s) of native ids no system claims were not used` : "",
  ].join("");
  return `${eventCount} event(s) read${skipped}.`;
}

/**
 * A progress bar on stderr while a large file is read and folded, when stderr is a terminal (never
 * in pipes or logs, and never on stdout, which --json keeps for the report alone).
 */
function readingBar(
  totalBytes: number,
): { update: (bytes: number, events: number) => void; stop: () => void } | null {
  if (process.stderr.isTTY !== true || totalBytes < 1_000_000) return null;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "  reading {bar} {percentage}% | {events} events | {rate} events/s",
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  const payload = (events: number) => ({
    events: events.toLocaleString("en"),
    rate: eventsPerSecond(events, started),
  });
  bar.start(totalBytes, 0, payload(0));
  return {
    update: (bytes, events) => bar.update(Math.min(bytes, totalBytes), payload(events)),
    stop: () => bar.stop(),
  };
}
