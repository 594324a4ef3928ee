// `maturity emit <type> --subject <systemId> [--data JSON | --data-file F]`: send one catalogued
// event to a running ingest from a CI job, validated locally first.
import { Command, Option, type CommanderError } from "commander";
import { httpUrl, wholeNumber } from "../demo/parse-flags.ts";
import { defaultSource } from "../emit/event.ts";
import { emitHelpText } from "../emit/help.ts";
import { defaultEmitDeps, emitExit, runEmit, type EmitDeps, type EmitFlags } from "../emit/run-emit.ts";
import { readIngestToken, readIngestUrl } from "../env.ts";
import { defaultMaxAttempts } from "../ingest-client.ts";
import { defaultIngestUrl } from "../settings.ts";

/** `deps` replaces what the command touches outside (the tests pass a fake fetch and output). */
export function emitCommand(deps: Partial<EmitDeps> = {}): Command {
  return (
    new Command("emit")
      .description(
        "Send one catalogued event (CloudEvents, structured mode) to a running ingest's /v1/events: a deployment, an eval gate's result, an owner change from a CI job. Validated locally with the catalogue's schema first, so a mistake fails before anything is sent.",
      )
      .argument("<type>", "the event type, e.g. deploy.completed (docs/event-catalogue.md)")
      .requiredOption(
        "--subject <systemId>",
        "the system the event is about (gpu.queue.configured: the queue)",
      )
      .addOption(new Option("--data <json>", "the event's data, a JSON object").conflicts("dataFile"))
      .option("--data-file <file>", "read the data from a JSON file, or - for standard input")
      .option("--source <uri>", "who emits it, a URI-reference", defaultSource)
      .option("--id <id>", "the event id (default: derived from the event, see below)")
      .option("--time <time>", "when it happened, RFC 3339 with a zone (default: now)")
      .addOption(
        new Option(
          "--to <url>",
          `the ingest base URL; the event goes to <url>/v1/events (default: MATURITY_INGEST_URL, else ${defaultIngestUrl})`,
        ).argParser(httpUrl),
      )
      .option("--token <token>", "bearer token (default: $MATURITY_INGEST_TOKEN)")
      .option(
        "--max-attempts <n>",
        "give up after this many attempts (503/429 are retried after Retry-After, network errors with backoff)",
        wholeNumber(1, 1000),
        defaultMaxAttempts,
      )
      .option("--json", "print ingest's answer as JSON on stdout")
      .option("--dry-run", "validate and print the event; send nothing")
      .addHelpText("after", emitHelpText)
      // Bad input exits 2, as the checks in the action do; help exits 0.
      .exitOverride((error: CommanderError) => {
        process.exit(error.exitCode === 0 ? 0 : emitExit.badInput);
      })
      .action(async (type: string, flags: EmitFlags) => {
        const status = await runEmit(type, flags, {
          ...defaultEmitDeps,
          defaultToken: () => readIngestToken(),
          defaultUrl: () => readIngestUrl(),
          ...deps,
        });
        if (status !== emitExit.ok) process.exitCode = status;
      })
  );
}
