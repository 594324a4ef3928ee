// `maturity rubric export|check|preview`: the organisation's rules as files, offline.
import { writeFile } from "node:fs/promises";
import type { ActivePolicy, PolicyPreview } from "@maturity/policy";
import {
  builtinPolicy,
  diffPolicy,
  exportRubricYaml,
  formatPolicyErrors,
  loadPolicyFile,
  previewPolicy,
  renderPolicyDiff,
} from "@maturity/policy";
import { countSystemsWithFacts } from "@maturity/db";
import { policyInForce, previewStoredSystems } from "@maturity/worker";
import cliProgress from "cli-progress";
import { Command } from "commander";
import { foldFile, readNote } from "../fold-file.ts";
import { openStore, type StoreOptions } from "../open-store.ts";
import { policyFromOption } from "../policy-option.ts";
import { parseAsOf } from "./score.ts";

export function rubricCommand(): Command {
  return new Command("rubric")
    .description("Write, check and preview the rubric or an organisation's policy on top of it.")
    .addCommand(exportCommand())
    .addCommand(checkCommand())
    .addCommand(previewCommand());
}

function exportCommand(): Command {
  return new Command("export")
    .description(
      "Write the built-in rubric as YAML: scoring with that file gives the same reports as the built-in rubric.",
    )
    .option("--out <file>", "write to this file instead of standard output")
    .action(async (options: { out?: string }) => {
      const yaml = exportRubricYaml(builtinPolicy().rubric);
      if (options.out === undefined) process.stdout.write(yaml);
      else {
        await writeFile(options.out, yaml);
        process.stderr.write(
          `wrote the built-in rubric (${builtinPolicy().rubricVersion}) to ${options.out}\n`,
        );
      }
    });
}

function checkCommand(): Command {
  return new Command("check")
    .description(
      "Check a policy or rubric file and print what it changes against the built-in rubric, criterion by criterion.",
    )
    .argument("<file>", "a policy (extends: builtin@<version>) or a full rubric, YAML or JSON")
    .action(async (file: string) => {
      const read = await loadPolicyFile(file);
      if (!read.ok) {
        process.stderr.write(
          `maturity rubric check: ${file} is refused:\n${formatPolicyErrors(read.errors)}\n`,
        );
        process.exitCode = 2;
        return;
      }
      const { policy } = read;
      process.stdout.write(
        `${file}: valid ${policy.kind === "policy" ? "policy" : "rubric"} ${policy.name}@${policy.version}; reports will say rubricVersion ${policy.rubricVersion}\n\n`,
      );
      process.stdout.write(`${renderPolicyDiff(diffPolicy(builtinPolicy(), policy))}\n`);
    });
}

function previewCommand(): Command {
  return new Command("preview")
    .description(
      "Score every system under the current rules and under a candidate policy, and print who would move: " +
        "from a file of events, or from the event store (--database-url, --data-dir) against the policy in force.",
    )
    .argument("<policy>", "the candidate policy or rubric file")
    .argument(
      "[events.ndjson]",
      "newline-delimited CloudEvents, or - for standard input (omit to use the store)",
    )
    .option("--as-of <time>", "score as of this ISO 8601 time (default: now)", parseAsOf)
    .option(
      "--current <file>",
      "the rules in force today (default: the built-in rubric for a file, the policy in force for the store)",
    )
    .option("--database-url <url>", "preview against this Postgres store (default: DATABASE_URL)")
    .option(
      "--data-dir <dir>",
      "preview against this embedded data folder (default: MATURITY_DATA_DIR or .data)",
    )
    .option("--json", "print only the preview as JSON")
    .action(async (candidateFile: string, eventsFile: string | undefined, options: PreviewOptions) => {
      const to = await policyFromOption(candidateFile, "rubric preview");
      if (to === undefined) return;
      const asOf = options.asOf ?? Date.now();
      const fromStore = eventsFile === undefined;
      if (!fromStore && (options.databaseUrl !== undefined || options.dataDir !== undefined)) {
        process.stderr.write(
          "maturity rubric preview: give a file of events or a store (--database-url, --data-dir), not both\n",
        );
        process.exitCode = 2;
        return;
      }
      const result = fromStore
        ? await previewFromStore(to, asOf, options)
        : await previewFromFile(to, eventsFile, asOf, options.current);
      if (result === undefined) return;
      if (options.json) {
        process.stdout.write(`${JSON.stringify(previewJson(result.preview))}\n`);
        return;
      }
      process.stdout.write(`${formatPreview(result.preview)}\n\n${result.note}\n`);
    });
}

interface PreviewOptions extends StoreOptions {
  asOf?: number;
  current?: string;
  json?: boolean;
}

async function previewFromFile(
  to: ActivePolicy,
  eventsFile: string,
  asOf: number,
  currentFile: string | undefined,
): Promise<{ preview: PolicyPreview; note: string } | undefined> {
  const from = await policyFromOption(currentFile, "rubric preview");
  if (from === undefined) return undefined;
  const read = await foldFile(eventsFile, asOf, "rubric preview");
  if (!read.ok) {
    process.stderr.write(`${read.message}\n`);
    process.exitCode = 1;
    return undefined;
  }
  const { facts } = read.folded;
  const systemIds = Object.keys(facts.systems);
  const bar = scoringBar(systemIds.length);
  const preview = previewPolicy({
    systems: systemIds.map((id) => ({ facts: facts.systems[id]! })),
    queues: facts.queues,
    asOf,
    from,
    to,
    onProgress: bar?.update,
  });
  bar?.stop();
  return { preview, note: readNote(read.folded) };
}

async function previewFromStore(
  to: ActivePolicy,
  asOf: number,
  options: PreviewOptions,
): Promise<{ preview: PolicyPreview; note: string } | undefined> {
  const { handle, where } = await openStore(options);
  try {
    const from =
      options.current === undefined
        ? await policyInForce(handle.db)
        : await policyFromOption(options.current, "rubric preview");
    if (from === undefined) return undefined;
    const total = await countSystemsWithFacts(handle.db);
    const bar = scoringBar(total);
    const result = await previewStoredSystems(handle.db, { from, to, asOf, onProgress: bar?.update });
    bar?.stop();
    const skipped =
      result.skipped > 0
        ? `; ${result.skipped} system(s) whose stored facts wait for a replay were left out`
        : "";
    return {
      preview: result.preview,
      note: `${result.systems} system(s) of ${where} scored under both${skipped}.`,
    };
  } finally {
    await handle.close();
  }
}

/** The preview as `--json` prints it: the changes without the system kind (teams carry tracks). */
function previewJson(preview: PolicyPreview) {
  return {
    asOf: preview.asOf,
    from: preview.from,
    to: preview.to,
    changes: preview.changes.map(({ systemId, team, axis, from, to }) => ({
      systemId,
      team,
      axis,
      from,
      to,
    })),
    teams: preview.teams,
    criteria: preview.criteria,
  };
}

const score = (s: { level: number; score: number }) => `L${s.level} ${s.score.toFixed(2)}`;

export function formatPreview(preview: PolicyPreview): string {
  const out = [`Preview as of ${preview.asOf}: ${preview.from} → ${preview.to}`, ""];
  if (preview.changes.length === 0) {
    out.push("No system's level or score would change.");
    return out.join("\n");
  }
  const moved = new Set(preview.changes.map((c) => c.systemId)).size;
  out.push(`${moved} system(s) would change:`);
  const width = Math.max(6, ...preview.changes.map((c) => c.systemId.length)) + 2;
  for (const c of preview.changes) {
    const arrow = c.to.level > c.from.level ? "up" : c.to.level < c.from.level ? "down" : "score only";
    out.push(
      `  ${c.systemId.padEnd(width)}${c.axis.padEnd(16)}${score(c.from)} → ${score(c.to)}  (${arrow})`,
    );
  }
  out.push("", "Teams and tracks (systems moving a level up / down):");
  if (preview.teams.length === 0) out.push("  none: only scores within a level move");
  for (const t of preview.teams) out.push(`  ${t.team} · ${t.track}: ${t.up} up, ${t.down} down`);
  out.push("", "Criteria behind the moves (systems whose result on it changes):");
  for (const c of preview.criteria) out.push(`  ${c.criterionId}: ${c.systems}`);
  return out.join("\n");
}

/** Scoring twice is the long part of a large preview: a bar on stderr when it is a terminal. */
function scoringBar(total: number): { update: (done: number) => void; stop: () => void } | null {
  if (process.stderr.isTTY !== true || total < 500) return null;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "  scoring under both {bar} {percentage}% | {value}/{total} systems",
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
