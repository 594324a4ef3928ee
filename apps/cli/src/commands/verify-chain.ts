// `maturity verify-chain [--system <id>]`: check the per-system hash chains of the event store.
import { verifyChain } from "@maturity/db";
import { Command } from "commander";
import { openStore } from "../open-store.ts";
import type { StoreOptions } from "../open-store.ts";

export function verifyChainCommand(): Command {
  return new Command("verify-chain")
    .description(
      "Recompute every link of the event store's per-system hash chains and report the first broken one " +
        "(an event altered, removed or re-ordered after it was stored). Exits 1 when a chain is broken.",
    )
    .option("--system <id>", "check only this system's chain")
    .option(
      "--database-url <url>",
      "the Postgres server (default: DATABASE_URL, else the embedded data folder)",
    )
    .option("--data-dir <dir>", "the embedded data folder (default: MATURITY_DATA_DIR or .data)")
    .action(async (options: StoreOptions & { system?: string }) => {
      const { handle, where } = await openStore(options);
      try {
        const result = await verifyChain(handle.db, {
          ...(options.system !== undefined && { systemId: options.system }),
          onProgress: (checked) => process.stderr.write(`\rchecked ${checked} events`),
        });
        process.stderr.write("\n");
        if (result.broken === undefined) {
          process.stdout.write(
            `ok: ${result.events} events in ${result.systems} chains verified (${where})\n`,
          );
          return;
        }
        const { systemId, systemSeq, source, eventId, reason } = result.broken;
        process.stdout.write(
          `BROKEN: system ${systemId}, link ${systemSeq}${eventId ? ` (event ${source} / ${eventId})` : ""}: ${reason}\n` +
            `${result.events} events verified before it.\n`,
        );
        process.exitCode = 1;
      } finally {
        await handle.close();
      }
    });
}
