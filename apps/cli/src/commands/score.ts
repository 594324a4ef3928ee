// `maturity score <events.ndjson> [--as-of ISO] [--json]`: fold a file of events and print the report.
import { stat } from "node:fs/promises";
import type { MaturityEvent } from "@maturity/model";
import { addClaimedMappings, claimedNativeIds, isUnmappedSubject, routeEvent } from "@maturity/model";
import { initialFacts, evolve, scoreOrg } from "@maturity/scoring";
import cliProgress from "cli-progress";
import { Command, InvalidArgumentError } from "commander";
import { eventsPerSecond } from "../format/rate.ts";
import { writeReportJson } from "../format/report-json.ts";
import { formatSummary } from "../format/summary.ts";
import { badLineReportCap, readEvents } from "../read-events.ts";

// An explicit offset (or Z) is required: a zone-less time would depend on the machine.
const isoWithZone = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

export function parseAsOf(value: string): number {
  const time = Date.parse(value);
  if (!isoWithZone.test(value) || !Number.isFinite(time)) {
    throw new InvalidArgumentError(
      `expected an ISO 8601 time with a zone, e.g. 2026-11-24T00:00:00Z or 2026-11-24, got ${JSON.stringify(value)}`,
    );
  }
  return time;
}

export function scoreCommand(): Command {
  return new Command("score")
    .description(
      "Score every system in a file of CloudEvents (one JSON event per line) as of a point in time.",
    )
    .argument(
      "<events.ndjson>",
      "newline-delimited CloudEvents, or - for standard input; blank lines are skipped",
    )
    .option("--as-of <time>", "score as of this ISO 8601 time (default: now)", parseAsOf)
    .option("--json", "print only the score report as JSON")
    .action(async (file: string, options: { asOf?: number; json?: boolean }) => {
      const fromStdin = file === "-";
      const fileStat = fromStdin ? null : await stat(file).catch(() => null);
      if (!fromStdin && (fileStat === null || !fileStat.isFile())) {
        process.stderr.write(`maturity score: cannot read ${file}: no such file\n`);
        process.exitCode = 1;
        return;
      }
      // The CLI may read the clock; scoring never does.
      const asOf = options.asOf ?? Date.now();
      const facts = initialFacts();
      let later = 0;
      // Standard input has no size to measure progress against.
      const bar = fileStat === null ? null : readingBar(fileStat.size);
      // Events of a native id wait until the whole file has said which system claims it, as
      // they wait in the store until a mapping names their system (packages/model's routing).
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
      const mappings = new Map<string, string>();
      addClaimedMappings(mappings, claims);
      let unmapped = 0;
      for (const event of waiting) {
        const routed = routeEvent(event, mappings);
        if (routed === undefined) unmapped += 1;
        else evolve(facts, routed);
      }
      if (result.badLines.length > 0) {
        const shown = result.badLines.slice(0, badLineReportCap);
        const lines = shown.map((bad) => `  line ${bad.line}: ${bad.message}`);
        const more = result.badLines.length - shown.length;
        process.stderr.write(
          `maturity score: ${fromStdin ? "standard input" : file} has ${result.badLines.length} bad line(s); nothing was scored.\n${lines.join("\n")}\n${more > 0 ? `  … and ${more} more\n` : ""}`,
        );
        process.exitCode = 1;
        return;
      }
      const report = scoreOrg(facts, { asOf });
      if (options.json) {
        // In pieces: one string of a large organisation's report would exceed V8's longest string.
        await writeReportJson(report, process.stdout);
        return;
      }
      process.stdout.write(`${formatSummary(report)}\n`);
      const skipped = [
        later > 0 ? `; ${later} event(s) after --as-of were not used` : "",
        unmapped > 0 ? `; ${unmapped} event(s) of native ids no system claims were not used` : "",
      ].join("");
      process.stdout.write(`\n${result.eventCount} event(s) read${skipped}.\n`);
    });
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
