// `maturity mcp`: the MCP server over stdio, for an agent started on this machine. It reads the
// event store's read model as `replay` finds it (DATABASE_URL, else the embedded data folder).
// Standard output is the protocol: everything else goes to standard error.
import { createMaturityMcpServer, serveStdio, toolNames } from "@maturity/mcp";
import { policyInForce } from "@maturity/worker";
import { Command } from "commander";
import { readPortalAccess } from "../env.ts";
import { openStore } from "../open-store.ts";
import type { StoreOptions } from "../open-store.ts";

export function mcpCommand(): Command {
  return new Command("mcp")
    .description(
      "Serve the Model Context Protocol over stdio: read-only tools an agent calls to find systems, read a " +
        `scorecard, list risks, explain a criterion, compare tracks and read score history (${toolNames.join(", ")}). ` +
        "Start it from the agent's MCP configuration; it reads the store until the agent closes it. " +
        "For a running portal, agents can use its /mcp endpoint instead.",
    )
    .option(
      "--database-url <url>",
      "the Postgres server (default: DATABASE_URL, else the embedded data folder)",
    )
    .option(
      "--data-dir <dir>",
      "the embedded data folder (default: MATURITY_DATA_DIR or .data; stop `npm start` first)",
    )
    .option("--portal-url <url>", "the portal's address, for links in answers (default: MATURITY_PORTAL_URL)")
    .action(async (options: StoreOptions & { portalUrl?: string }) => {
      const { handle, where } = await openStore(options);
      const server = createMaturityMcpServer({
        db: handle.db,
        rubricInForce: async () => (await policyInForce(handle.db)).rubric,
        portalUrl: options.portalUrl ?? readPortalAccess().url,
      });
      process.stderr.write(`maturity mcp: serving the store at ${where} over stdio\n`);
      try {
        await serveStdio(server);
      } finally {
        await handle.close();
      }
    });
}
