// A file of events (or standard input) as an audit pack's source. It is read once up front to check
// every line and learn which systems it names and which native ids each claims, then once per pass
// of the pack. Standard input is spooled to a temporary file first, since it can be read only once.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import type { AuditSource } from "@maturity/audit";
import type { MaturityEvent } from "@maturity/model";
import {
  addClaimedMappings,
  claimedNativeIds,
  formatIssues,
  isSystemEvent,
  parseEvent,
} from "@maturity/model";
import { badLineReportCap, readEvents } from "../read-events.ts";

export interface EventsFile {
  /** How messages name it: the path, or "standard input". */
  shown: string;
  /** The system ids its events name, sorted. */
  systems: string[];
  /** Native ids (text form) to the system whose catalogue entry claims each first. */
  mappings: ReadonlyMap<string, string>;
  source(systemId: string): AuditSource;
  /** Removes the spooled copy of standard input, if any. */
  close(): Promise<void>;
}

export async function openEventsFile(
  file: string,
  command: string,
): Promise<{ ok: true; file: EventsFile } | { ok: false; message: string }> {
  const fromStdin = file === "-";
  const shown = fromStdin ? "standard input" : file;
  let spool: string | undefined;
  if (fromStdin) {
    spool = await mkdtemp(path.join(tmpdir(), "maturity-audit-"));
    await pipeline(process.stdin, createWriteStream(path.join(spool, "events.ndjson")));
  } else if (!(await stat(file).catch(() => null))?.isFile())
    return { ok: false, message: `maturity ${command}: cannot read ${file}: no such file` };
  const readable = spool === undefined ? file : path.join(spool, "events.ndjson");
  const close = async () => {
    if (spool !== undefined) await rm(spool, { recursive: true, force: true });
  };

  const systems = new Set<string>();
  const claims: MaturityEvent[] = [];
  const read = await readEvents(readable, (event) => {
    if (isSystemEvent(event)) systems.add(event.subject);
    if (claimedNativeIds(event).length > 0) claims.push(event);
  });
  if (read.badLines.length > 0) {
    await close();
    const shownLines = read.badLines
      .slice(0, badLineReportCap)
      .map((bad) => `  line ${bad.line}: ${bad.message}`);
    const more = read.badLines.length - shownLines.length;
    return {
      ok: false,
      message: `maturity ${command}: ${shown} has ${read.badLines.length} bad line(s); no pack was made.\n${shownLines.join("\n")}${more > 0 ? `\n  … and ${more} more` : ""}`,
    };
  }
  const mappings = new Map<string, string>();
  addClaimedMappings(mappings, claims);
  return {
    ok: true,
    file: {
      shown,
      systems: [...systems].sort(),
      mappings,
      close,
      source: (systemId) => ({
        systemId,
        nativeIds: [...mappings].filter(([, owner]) => owner === systemId).map(([ref]) => ref),
        events: () => eventsOf(readable, shown),
      }),
    },
  };
}

/** The file's events in file order, parsed as the worker parses them (the pack hashes those). */
async function* eventsOf(file: string, shown: string): AsyncGenerator<{ event: MaturityEvent }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let number = 0;
  for await (const text of lines) {
    number += 1;
    if (text.trim() === "") continue;
    const parsed = parseEvent(JSON.parse(text));
    // Every line was checked before the first pass: one that fails now was changed meanwhile.
    if (!parsed.ok)
      throw new Error(`${shown} line ${number} changed while it was read: ${formatIssues(parsed.issues)}`);
    yield { event: parsed.event };
  }
}
