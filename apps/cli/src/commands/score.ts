// `maturity score <events.ndjson> [--as-of ISO] [--json] [--policy FILE]`: fold a file of events and print the report.
import {
  addForecasts,
  defaultForecastWindowDays,
  historyFromReports,
  sampleTimes,
  scoreOrg,
} from "@maturity/scoring";
import { Command, InvalidArgumentError } from "commander";
import { foldFile, readNote } from "../fold-file.ts";
import { writeReportJson } from "../format/report-json.ts";
import { formatSummary } from "../format/summary.ts";
import { policyFromOption } from "../policy-option.ts";

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
    .option("--policy <file>", "score under this policy or rubric file (default: the built-in rubric)")
    .option(
      "--no-forecast",
      "leave out the forecasts (they score the file at every week of the last 26 to read its history)",
    )
    .action(
      async (
        file: string,
        options: { asOf?: number; json?: boolean; policy?: string; forecast: boolean },
      ) => {
        const policy = await policyFromOption(options.policy, "score");
        if (policy === undefined) return;
        // The CLI may read the clock; scoring never does.
        const asOf = options.asOf ?? Date.now();
        const read = await foldFile(file, asOf, "score");
        if (!read.ok) {
          process.stderr.write(`${read.message}\n`);
          process.exitCode = 1;
          return;
        }
        const scored = scoreOrg(read.folded.facts, { asOf, rubric: policy.rubric });
        // The file is its own history: scored as of every week back (scoring leaves out what came
        // later), the reports give each axis's score at each week.
        const report = options.forecast
          ? addForecasts(
              scored,
              historyFromReports(
                sampleTimes(asOf, defaultForecastWindowDays).map((time) =>
                  time === asOf ? scored : scoreOrg(read.folded.facts, { asOf: time, rubric: policy.rubric }),
                ),
              ),
            )
          : scored;
        if (options.json) {
          // In pieces: one string of a large organisation's report would exceed V8's longest string.
          await writeReportJson(report, process.stdout);
          return;
        }
        process.stdout.write(`${formatSummary(report)}\n`);
        process.stdout.write(`\n${readNote(read.folded)}\n`);
      },
    );
}
