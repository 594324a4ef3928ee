// `maturity import backstage <files|dirs>...`: reads Backstage entity files, and asks the running
// platform to import them (it knows what earlier imports left, so it can tell new from changed
// from gone). `--offline` plans against no earlier import, without a platform: a check of the files.
import {
  formatEntityProblem,
  planBackstageImport,
  readEntityFiles,
  renderImportSummary,
  type EntityProblem,
  type ImportPlan,
} from "@maturity/backstage";
import { Command } from "commander";
import { httpUrl } from "../demo/parse-flags.ts";
import { networkMessage } from "../ingest-client.ts";
import { readPortalAccess } from "../env.ts";

interface ImportOptions {
  to?: string;
  token?: string;
  location: string;
  retire: boolean;
  dryRun?: boolean;
  offline?: boolean;
  json?: boolean;
}

export function importCommand(): Command {
  return new Command("import")
    .description("Import systems from another catalogue into the platform's.")
    .addCommand(backstageCommand());
}

function backstageCommand(): Command {
  return new Command("backstage")
    .description(
      "Import the ML systems of Backstage entity files (multi-document catalog-info.yaml files, or directories of them). " +
        "Components and Resources whose spec.type is an ML type, or that carry the maturity.dev/kind annotation, become systems; " +
        "a re-import of unchanged files changes nothing, a changed entity updates its system, an entity gone from the files retires it.",
    )
    .argument("<paths...>", "entity files (.yaml/.yml) or directories to search for them")
    .option("--to <url>", "the platform's portal URL (default: MATURITY_PORTAL_URL)", httpUrl)
    .option("--token <token>", "an admin API token of the portal (default: MATURITY_API_TOKEN)")
    .option(
      "--location <name>",
      "the name this set of files goes by: systems imported earlier under the same name and gone from these files are retired",
      "files",
    )
    .option(
      "--no-retire",
      "do not retire systems whose entity is missing (for importing part of a catalogue)",
    )
    .option("--dry-run", "print what the import would emit, and emit nothing")
    .option("--offline", "plan without a platform, as if nothing had been imported before (checks the files)")
    .option("--json", "print the plan as JSON (summary and events)")
    .addHelpText(
      "after",
      `
Examples:
  maturity import backstage catalog/ --dry-run
  maturity import backstage catalog-info.yaml other/catalog-info.yaml --to https://maturity.example.com --token "$MATURITY_API_TOKEN"
  maturity import backstage catalog/ --offline --json`,
    )
    .action(async (paths: string[], options: ImportOptions) => {
      const read = await readEntityFiles(paths);
      let plan: Pick<ImportPlan, "summary" | "events">;
      if (options.offline) {
        plan = await planBackstageImport({
          entities: read.entities,
          problems: read.problems,
          known: [],
          location: options.location,
          retireMissing: false,
          now: new Date(),
        });
      } else {
        const access = readPortalAccess();
        const to = options.to ?? access.url;
        const token = options.token ?? access.token;
        try {
          plan = await postImport(to, token, {
            location: options.location,
            retireMissing: options.retire,
            dryRun: options.dryRun ?? false,
            entities: read.entities,
            // Unreadable files hold back retirement: their entities may only be unreadable this time.
            problems: read.problems,
          });
        } catch (error) {
          if (!(error instanceof ImportRefused)) throw error;
          for (const problem of read.problems) process.stderr.write(`${formatEntityProblem(problem)}\n`);
          process.stderr.write(`maturity import backstage: ${error.message}\n`);
          process.exitCode = 1;
          return;
        }
      }
      const { summary } = plan;
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ summary, events: plan.events }, null, 2)}\n`);
      } else {
        if (options.dryRun || options.offline)
          for (const event of plan.events) process.stdout.write(`${JSON.stringify(event)}\n`);
        const emitted = options.dryRun || options.offline ? "would emit" : "emitted";
        process.stderr.write(`${renderImportSummary(summary)}\n${emitted} ${plan.events.length} events\n`);
      }
      if (summary.skipped.length > 0) process.exitCode = 1;
    });
}

class ImportRefused extends Error {}

async function postImport(
  portal: string,
  token: string | undefined,
  body: {
    location: string;
    retireMissing: boolean;
    dryRun: boolean;
    entities: unknown[];
    problems: readonly EntityProblem[];
  },
): Promise<Pick<ImportPlan, "summary" | "events">> {
  const endpoint = `${portal.replace(/\/+$/, "")}/api/imports/backstage`;
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token !== undefined && { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new ImportRefused(
      `cannot reach the platform at ${endpoint} (${networkMessage(error)}); is it running? Pass --to, or --offline to check the files alone`,
    );
  }
  const text = await response.text();
  if (!response.ok) {
    let reason = text;
    try {
      reason = (JSON.parse(text) as { message?: string }).message ?? text;
    } catch {
      // Not JSON: the raw text says it.
    }
    const hint =
      response.status === 401 || response.status === 403
        ? " (pass an admin token of MATURITY_API_TOKENS with --token or MATURITY_API_TOKEN)"
        : "";
    throw new ImportRefused(`the platform answered ${response.status}${hint}: ${reason.slice(0, 1000)}`);
  }
  // Something else than the portal may answer at that URL (a sign-in page, another server).
  let plan: Partial<Pick<ImportPlan, "summary" | "events">> | undefined;
  try {
    plan = JSON.parse(text) as typeof plan;
  } catch {
    plan = undefined;
  }
  if (typeof plan?.summary !== "object" || plan.summary === null || !Array.isArray(plan.events))
    throw new ImportRefused(
      `${endpoint} answered ${response.status} with no import plan (is --to the portal's URL?): ${text.slice(0, 200)}`,
    );
  return plan as Pick<ImportPlan, "summary" | "events">;
}
