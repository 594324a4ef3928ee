// `maturity demo`: generate a realistic organisation's event history (and, with --live, keep it
// going), as NDJSON or posted to ingest.
import { checkDemoOptions, demoDefaults, demoLimits, planOrganisation } from "@maturity/demo";
import { Command, Option } from "commander";
import { httpUrl, positiveRate, wholeNumber } from "../demo/parse-flags.ts";
import { streamHistory, streamLive } from "../demo/run-demo.ts";
import { ingestSink, ndjsonSink, type EventSink } from "../demo/sinks.ts";
import { readIngestToken } from "../env.ts";
import { parseAsOf } from "./score.ts";

interface DemoFlags {
  seed: number;
  teams: number;
  systems: number;
  days: number;
  llmCallsPerDay: number;
  end?: number;
  out?: string;
  to?: string;
  token?: string;
  live?: boolean;
  rate: number;
  history: boolean;
}

export function demoCommand(): Command {
  return new Command("demo")
    .description(
      "Generate a realistic organisation's event history: teams of classical, LLM and agent systems, each following a practice profile (ad hoc to governed, mismatches, adoption, regressions, incidents). Deterministic for a given --seed and --end.",
    )
    .option("--seed <n>", "random seed", wholeNumber(0, Number.MAX_SAFE_INTEGER), demoDefaults.seed)
    .option("--teams <n>", "number of teams", wholeNumber(1, demoLimits.teams), demoDefaults.teams)
    .option("--systems <n>", "number of systems", wholeNumber(1, demoLimits.systems), demoDefaults.systems)
    .option("--days <n>", "days of history", wholeNumber(7, demoLimits.days), demoDefaults.days)
    .option(
      "--llm-calls-per-day <n>",
      "mean LLM requests per LLM system per day (agents: a quarter as many runs)",
      wholeNumber(0, demoLimits.llmCallsPerDay),
      demoDefaults.llmCallsPerDay,
    )
    .option("--end <time>", "end of the history, ISO 8601 with zone (default: now)", parseAsOf)
    .addOption(new Option("--out <file>", "write NDJSON to this file (default: stdout)").conflicts("to"))
    .option("--to <url>", "POST batches of 500 to <url>/v1/events instead", httpUrl)
    .option("--token <token>", "bearer token for --to (default: $MATURITY_INGEST_TOKEN)")
    .option("--live", "after the history, keep streaming new events until interrupted")
    .option("--rate <events/s>", "events per second for --live", positiveRate, 20)
    .option("--no-history", "with --live: skip the history (it was sent before)")
    .addHelpText(
      "after",
      `
Examples:
  maturity demo --out demo.ndjson && maturity score demo.ndjson
  maturity demo --to http://localhost:3000 --live --rate 50
  maturity demo --systems 10000 --days 180 --out big.ndjson      # load tests and benchmarks`,
    )
    .action(async (flags: DemoFlags, command: Command) => {
      if (flags.token !== undefined && flags.to === undefined)
        command.error("error: option '--token' needs '--to <url>'");
      if (!flags.history && !flags.live)
        command.error("error: option '--no-history' only makes sense with '--live'");
      if (command.getOptionValueSource("rate") === "cli" && !flags.live)
        command.error("error: option '--rate' needs '--live'");
      let options;
      try {
        options = checkDemoOptions({
          seed: flags.seed,
          teams: flags.teams,
          systems: flags.systems,
          days: flags.days,
          llmCallsPerDay: flags.llmCallsPerDay,
          // Whole seconds: the CLI reads the clock once, the generator never does.
          end: flags.end ?? Math.floor(Date.now() / 1000) * 1000,
        });
      } catch (error) {
        command.error(
          `error: ${(error as Error).message.replace(/^(\w+)/, (name) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`)}`,
        );
      }
      const sink: EventSink =
        flags.to !== undefined
          ? ingestSink({
              url: flags.to,
              token: flags.token ?? readIngestToken(),
              batchSize: 500,
              onRetry: (reason, waitMs) =>
                process.stderr.write(`maturity demo: ${reason}; retrying in ${waitMs} ms\n`),
            })
          : ndjsonSink(flags.out);
      const plan = planOrganisation(options);
      try {
        if (flags.history) {
          const stats = await streamHistory(plan, options, sink);
          process.stderr.write(
            `maturity demo: ${stats.events.toLocaleString("en")} events for ${plan.systems.length} systems in ${plan.teams.length} teams → ${sink.target} (${stats.seconds.toFixed(1)} s, ${Math.round(stats.events / stats.seconds).toLocaleString("en")} events/s)\n`,
          );
        }
        if (flags.live) {
          const stop = new AbortController();
          process.once("SIGINT", () => stop.abort());
          process.once("SIGTERM", () => stop.abort());
          process.stderr.write(
            `maturity demo: streaming live at ${flags.rate} events/s to ${sink.target}; Ctrl-C stops\n`,
          );
          const sent = await streamLive(plan, options, sink, flags.rate, stop.signal);
          process.stderr.write(`maturity demo: stopped after ${sent.toLocaleString("en")} live events\n`);
        }
        await sink.close();
      } catch (error) {
        process.stderr.write(`maturity demo: ${(error as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
