// `maturity replay`: rebuild every projection from the event store and swap it in.
import { replayProjections } from "@maturity/worker";
import cliProgress from "cli-progress";
import { Command } from "commander";
import { openStore } from "../open-store.ts";
import type { StoreOptions } from "../open-store.ts";

export function replayCommand(): Command {
  return new Command("replay")
    .description(
      "Rebuild every projection (facts, scores, history, rollups, usage) from the event store into fresh " +
        "tables and swap them in atomically. Stop the workers first: batches they apply meanwhile are not in the rebuild.",
    )
    .option(
      "--database-url <url>",
      "the Postgres server (default: DATABASE_URL, else the embedded data folder)",
    )
    .option("--data-dir <dir>", "the embedded data folder (default: MATURITY_DATA_DIR or .data)")
    .action(async (options: StoreOptions) => {
      const { handle, where } = await openStore(options);
      const bar = new cliProgress.SingleBar(
        {
          format: "replay |{bar}| {percentage}% | {value}/{total} events | {eta_formatted} left",
          stream: process.stderr,
          // Logs and CI are not terminals: print a plain progress line every few seconds there.
          noTTYOutput: true,
          notTTYSchedule: 3_000,
        },
        cliProgress.Presets.shades_classic,
      );
      process.stderr.write(`replaying the event store at ${where}\n`);
      const started = performance.now();
      try {
        let barStarted = false;
        const result = await replayProjections(handle.db, {
          onProgress: ({ events, total }) => {
            if (!barStarted) {
              bar.start(total, 0);
              barStarted = true;
            }
            bar.update(events);
          },
        });
        bar.stop();
        const seconds = (performance.now() - started) / 1000;
        process.stdout.write(
          `replayed ${result.events} events into projections of ${result.systems} systems ` +
            `(${result.historyRows} history rows) in ${seconds.toFixed(1)} s\n`,
        );
        if (result.storeChangedDuringReplay) {
          process.stderr.write(
            "warning: events were stored while replaying; they are missing from the rebuilt projections. " +
              "Stop the workers and run `maturity replay` again.\n",
          );
          process.exitCode = 2;
        }
      } finally {
        bar.stop();
        await handle.close();
      }
    });
}
