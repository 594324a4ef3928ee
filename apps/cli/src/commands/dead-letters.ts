// `maturity dead-letters list|retry`: the records the worker could not apply, and re-driving them.
import { userInfo } from "node:os";
import type { DeadLetterRow } from "@maturity/db";
import { countDeadLetters, deadLetterReasonKinds, listDeadLetters } from "@maturity/db";
import type { EventLog } from "@maturity/log";
import { embeddedLogDir, openEmbeddedLog, openKafkaLog } from "@maturity/log";
import { commaList } from "@maturity/config";
import { redriveDeadLetters } from "@maturity/worker";
import { Command, InvalidArgumentError } from "commander";
import { readLogConfig, readStoreConfig } from "../env.ts";
import { openStore } from "../open-store.ts";
import type { StoreOptions } from "../open-store.ts";

const embeddedNote =
  "With the embedded data folder, stop `npm start` first: its database and log belong to one process at a " +
  "time (while it runs, use the portal's Dead letters page).";

export function deadLettersCommand(): Command {
  return new Command("dead-letters")
    .description(
      "The records from the event log that the worker could not apply (not JSON, not a valid event, refused by " +
        "the database), parked with the reason: list them, and re-drive them onto the log after a fix.",
    )
    .addCommand(listCommand())
    .addCommand(retryCommand());
}

function storeOptions(command: Command): Command {
  return command
    .option(
      "--database-url <url>",
      "the Postgres server (default: DATABASE_URL, else the embedded data folder)",
    )
    .option("--data-dir <dir>", "the embedded data folder (default: MATURITY_DATA_DIR or .data)");
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1)
    throw new InvalidArgumentError(
      `expected a dead letter id (a positive integer), got ${JSON.stringify(value)}`,
    );
  return number;
}

function listCommand(): Command {
  return storeOptions(
    new Command("list")
      .summary("list the parked records, newest first, counted by reason kind")
      .description(
        `List the dead letters not re-driven yet, newest first, and count them by reason kind. ${embeddedNote}`,
      )
      .option("--all", "include the ones already re-driven (and who re-drove them)")
      .option("--json", "print one JSON object per dead letter (the whole record included), nothing else")
      .option("--limit <n>", "list at most this many (default 500)", positiveInteger),
  ).action(async (options: StoreOptions & { all?: boolean; json?: boolean; limit?: number }) => {
    const { handle } = await openStore(options);
    try {
      const [rows, counts] = await Promise.all([
        listDeadLetters(handle.db, { includeRedriven: options.all ?? false, limit: options.limit ?? 500 }),
        countDeadLetters(handle.db),
      ]);
      if (options.json) {
        for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
        return;
      }
      if (rows.length > 0) process.stdout.write(formatTable(rows, options.all ?? false));
      const pending = deadLetterReasonKinds.reduce((sum, kind) => sum + counts[kind], 0);
      const byKind = deadLetterReasonKinds
        .filter((kind) => counts[kind] > 0)
        .map((kind) => `${counts[kind]} ${kind}`)
        .join(", ");
      const shown = rows.length === (options.limit ?? 500) ? `; the newest ${rows.length} shown` : "";
      process.stdout.write(
        pending === 0
          ? `no dead letters pending${options.all ? ` (${rows.length} re-driven before)` : ""}\n`
          : `${pending} dead ${pending === 1 ? "letter" : "letters"} pending (${byKind})${shown}; ` +
              "re-drive with `maturity dead-letters retry --id <id>` or `--all` after a fix\n",
      );
    } finally {
      await handle.close();
    }
  });
}

function retryCommand(): Command {
  return storeOptions(
    new Command("retry")
      .summary("re-drive them onto the event log after a fix (--id <n> ... or --all)")
      .description(
        "Put dead letters back on the event log after a fix, so the worker applies them like new events (one " +
          "that fails again is dead-lettered again). Each is marked re-driven by cli:<your user name>, and the " +
          `event carries redrivenby/redrivenat. ${embeddedNote}`,
      )
      .option(
        "--id <n>",
        "re-drive this dead letter (repeat for more; ids as `list` shows them)",
        (value: string, previous: number[] = []) => [...previous, positiveInteger(value)],
      )
      .option("--all", "re-drive every dead letter not re-driven yet")
      .option(
        "--kafka-brokers <list>",
        "the Kafka log, comma-separated (default: KAFKA_BROKERS, else the embedded log)",
      )
      .option("--kafka-topic <topic>", "the Kafka topic (default: KAFKA_TOPIC or maturity.events)"),
  ).action(
    async (
      options: StoreOptions & { id?: number[]; all?: boolean; kafkaBrokers?: string; kafkaTopic?: string },
      command: Command,
    ) => {
      if ((options.id === undefined) === (options.all !== true))
        command.error("error: give --id <n> (one or more) or --all, not both");
      const actor = `cli:${userInfo().username}`;
      const { handle } = await openStore(options);
      let log: EventLog | undefined;
      try {
        const configured = readLogConfig();
        const brokers =
          options.kafkaBrokers === undefined ? configured.kafkaBrokers : commaList(options.kafkaBrokers);
        const topic = options.kafkaTopic ?? configured.kafkaTopic;
        // The log the platform writes to: Kafka when configured, else the embedded log of the data folder.
        const logDir = embeddedLogDir(options.dataDir ?? readStoreConfig().dataDir);
        const where = brokers.length > 0 ? `Kafka topic ${topic}` : `the embedded log at ${logDir}`;
        log =
          brokers.length > 0
            ? await openKafkaLog({
                brokers,
                topic,
                partitions: configured.kafkaPartitions,
                clientId: "maturity-cli",
              })
            : await openEmbeddedLog(logDir);
        const append = log.append.bind(log);
        let redriven: DeadLetterRow[];
        try {
          redriven = await redriveDeadLetters({
            db: handle.db,
            append,
            actor,
            ...(options.id !== undefined && { ids: options.id }),
          });
        } catch (error) {
          process.stderr.write(
            `maturity dead-letters retry: ${where} did not take the records, so none was marked re-driven: ` +
              `${(error as Error).message}\n`,
          );
          process.exitCode = 1;
          return;
        }
        const ids = redriven.map((row) => row.id);
        process.stdout.write(
          ids.length === 0
            ? "nothing re-driven: no pending dead letter" +
                (options.id === undefined ? "\n" : ` with id ${options.id.join(", ")}\n`)
            : `re-drove ${ids.length} dead ${ids.length === 1 ? "letter" : "letters"} onto ${where} as ${actor}: ` +
                `id ${ids.join(", ")}\n`,
        );
        const skipped = (options.id ?? []).filter((id) => !ids.includes(id));
        if (ids.length > 0 && skipped.length > 0)
          process.stderr.write(`not pending (no such id, or re-driven before): ${skipped.join(", ")}\n`);
      } finally {
        await log?.close();
        await handle.close();
      }
    },
  );
}

/** Dead letters as aligned columns; the reason on one line, cut to fit. */
function formatTable(rows: readonly DeadLetterRow[], withRedriven: boolean): string {
  const oneLine = (text: string | null, max: number) => {
    const flat = (text ?? "—").replace(/\s+/g, " ").trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  };
  const header = ["id", "dead-lettered", "source", "type", "reason kind", "reason"];
  if (withRedriven) header.push("re-driven");
  const lines = rows.map((row) => {
    const cells = [
      String(row.id),
      `${row.deadLetteredAt.slice(0, 19).replace("T", " ")}Z`,
      oneLine(row.eventSource, 40),
      oneLine(row.eventType, 40),
      row.reasonKind,
      oneLine(row.reason, 100),
    ];
    if (withRedriven)
      cells.push(row.redrivenAt === null ? "pending" : `by ${row.redrivenBy ?? "?"} ${row.redrivenAt}`);
    return cells;
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((cells) => cells[column]!.length)),
  );
  const render = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join("  ")
      .concat("\n");
  return [header, ...lines].map(render).join("");
}
