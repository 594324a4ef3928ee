// docs/configuration.md and the list of known setting names (packages/log), rendered from the
// settings' schemas themselves: this app imports every process's settings (its own, the ingest's,
// the worker's, the CLI's), so it is the one place that sees them all.
import { cliProcessSettings, cliSettings } from "@maturity/cli";
import { databaseSettings, dataDirSettings } from "@maturity/db";
import { ingestProcessSettings, ingestSettings } from "@maturity/ingest";
import { kafkaSettings } from "@maturity/log";
import { policySettings } from "@maturity/policy";
import { alertSettings } from "@maturity/alerts";
import { signingKeySettings } from "@maturity/audit";
import { backstageSettings } from "@maturity/backstage";
import {
  foreignSettingNames,
  listenSettings,
  logLevelSettings,
  parseSettings,
  settingFacts,
  settingPrefixes,
  unknownSettingMessage,
  unknownSettings,
  type Settings,
} from "@maturity/config";
import { workerMetricsSettings, workerProcessSettings, workerSettings } from "@maturity/worker";
import { webProcessSettings } from "../server/env.ts";
import { demoSeedSettings, portalSettings, signOnSettings } from "../server/settings.ts";

/** Our processes, each with the settings it composes (and so reads and checks at start). */
export const settingsProcesses: { name: string; what: string; settings: Settings }[] = [
  {
    name: "npm start",
    what: "the single process: portal, ingest and worker together (`apps/web`, also with `MATURITY_ROLES`)",
    settings: webProcessSettings,
  },
  {
    name: "ingest",
    what: "the standalone ingest of the distributed mode (`npm start -w @maturity/ingest`)",
    settings: ingestProcessSettings,
  },
  {
    name: "worker",
    what: "the standalone worker of the distributed mode (`npm start -w @maturity/worker`)",
    settings: workerProcessSettings,
  },
  { name: "maturity", what: "the command line (`apps/cli`)", settings: cliProcessSettings },
];

/** Where each setting is declared: one fragment per concern, one section of the page each. */
export const settingsSections: { title: string; declaredIn: string; settings: Settings }[] = [
  {
    title: "Database",
    declaredIn: "packages/db/src/settings.ts",
    settings: { ...databaseSettings, ...dataDirSettings },
  },
  {
    title: "Event log (Kafka)",
    declaredIn: "packages/log/src/kafka-settings.ts",
    settings: kafkaSettings,
  },
  {
    title: "Process",
    declaredIn: "packages/config/src/process-settings.ts",
    settings: { ...listenSettings, ...logLevelSettings },
  },
  { title: "Ingest", declaredIn: "apps/ingest/src/settings.ts", settings: ingestSettings },
  {
    title: "Worker",
    declaredIn: "apps/worker/src/settings.ts",
    settings: { ...workerSettings, ...workerMetricsSettings },
  },
  { title: "Policy", declaredIn: "packages/policy/src/settings.ts", settings: policySettings },
  { title: "Alerts", declaredIn: "packages/alerts/src/settings.ts", settings: alertSettings },
  { title: "Portal", declaredIn: "apps/web/src/server/settings.ts", settings: portalSettings },
  { title: "Sign-on", declaredIn: "apps/web/src/server/settings.ts", settings: signOnSettings },
  { title: "Demo organisation", declaredIn: "apps/web/src/server/settings.ts", settings: demoSeedSettings },
  { title: "Audit packs", declaredIn: "packages/audit/src/settings.ts", settings: signingKeySettings },
  {
    title: "Backstage catalogue",
    declaredIn: "packages/backstage/src/settings.ts",
    settings: backstageSettings,
  },
  { title: "Command line", declaredIn: "apps/cli/src/settings.ts", settings: cliSettings },
];

/** Every setting any of our processes reads, sorted. */
export function knownSettings(): string[] {
  return [...new Set(settingsProcesses.flatMap((process) => Object.keys(process.settings)))].sort();
}

/** Throws unless every setting a process reads is documented in exactly one section, with a description. */
function checkSections(): void {
  const documented = settingsSections.flatMap((section) => Object.keys(section.settings));
  const twice = documented.filter((name, index) => documented.indexOf(name) !== index);
  if (twice.length > 0) throw new Error(`settings in two sections: ${twice.join(", ")}`);
  const read = knownSettings();
  const undocumented = read.filter((name) => !documented.includes(name));
  if (undocumented.length > 0) throw new Error(`settings in no section: ${undocumented.join(", ")}`);
  const unread = documented.filter((name) => !read.includes(name));
  if (unread.length > 0) throw new Error(`settings no process reads: ${unread.join(", ")}`);
  for (const process of settingsProcesses) {
    for (const [name, schema] of Object.entries(process.settings)) {
      if (!schema.description) throw new Error(`${name} (${process.name}) has no description`);
    }
  }
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** `900000` → 15 min, for the defaults of *_MS and *_BYTES settings. */
function readable(name: string, value: string): string | undefined {
  const number = Number(value);
  if (value === "" || !Number.isFinite(number) || number === 0) return undefined;
  if (name.endsWith("_MS")) {
    if (number % 60_000 === 0) return `${number / 60_000} min`;
    if (number % 1000 === 0) return `${number / 1000} s`;
  }
  if (name.endsWith("_BYTES")) {
    if (number % (1024 * 1024) === 0) return `${number / (1024 * 1024)} MiB`;
    if (number % 1024 === 0) return `${number / 1024} KiB`;
  }
  return undefined;
}

function defaultCell(name: string): string {
  const perProcess = settingsProcesses
    .filter((process) => name in process.settings)
    .map((process) => {
      const facts = settingFacts(process.settings[name]!);
      if (facts.required) return { process: process.name, shown: "**required**" };
      if (facts.defaultValue === undefined || facts.defaultValue === "")
        return { process: process.name, shown: "unset" };
      const hint = readable(name, facts.defaultValue);
      return { process: process.name, shown: `\`${facts.defaultValue}\`${hint ? ` (${hint})` : ""}` };
    });
  const distinct = [...new Set(perProcess.map((entry) => entry.shown))];
  if (distinct.length === 1) return distinct[0]!;
  return distinct
    .map((shown) => {
      const where = perProcess.filter((entry) => entry.shown === shown).map((entry) => entry.process);
      return `${shown} (${where.join(", ")})`;
    })
    .join("; ");
}

function meaningCell(name: string, schema: Settings[string]): string {
  const facts = settingFacts(schema);
  const values = facts.values ? ` Values: ${facts.values.map((value) => `\`${value}\``).join(", ")}.` : "";
  return `${facts.description ?? ""}.${values}`.replace(/\.\.$/, ".").replace(/\.\. /, ". ");
}

function sectionTable(settings: Settings): string {
  const rows = Object.entries(settings).map(([name, schema]) => {
    const readBy = settingsProcesses
      .filter((process) => name in process.settings)
      .map((process) => process.name)
      .join(", ");
    return `| \`${name}\` | ${cell(defaultCell(name))} | ${readBy} | ${cell(meaningCell(name, schema))} |`;
  });
  return ["| Setting | Default | Read by | Meaning |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

/** The message a bad value gets, as a process prints it. */
function exampleError(): string {
  try {
    parseSettings(kafkaSettings, { KAFKA_PARTITIONS: "0" });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("KAFKA_PARTITIONS=0 was accepted");
}

function exampleWarning(): string {
  const [warning] = unknownSettings({ WORKER_STAL_TIMEOUT_MS: "60000" }, knownSettings());
  if (warning === undefined) throw new Error("WORKER_STAL_TIMEOUT_MS was not reported");
  return unknownSettingMessage(warning);
}

export function renderConfigurationDoc(): string {
  checkSections();
  const processes = settingsProcesses.map((process) => `- **${process.name}**: ${process.what}`).join("\n");
  const prefixes = settingPrefixes.map((prefix) => `\`${prefix}\``).join(", ");
  const foreign = foreignSettingNames.map((name) => `\`${name}\``).join(", ");
  const sections = settingsSections
    .map(
      (section) =>
        `## ${section.title}\n\nDeclared in \`${section.declaredIn}\`.\n\n${sectionTable(section.settings)}\n`,
    )
    .join("\n");
  return `<!-- Generated from the settings' schemas by \`npm run docs -w @maturity/web\` (apps/web/src/docs/configuration.ts); do not edit by hand. -->

# Configuration

Every setting is an environment variable, declared once (a zod schema with its default and the
description below) in the fragment named in its section; each process composes the fragments it
reads. The processes:

${processes}

At start a process checks all its settings and refuses to start on a bad one, naming it and what
was expected:

    ${exampleError()}

An empty variable counts as unset. A setting **required** by one process may be optional in
another: the standalone processes need the servers that \`npm start\` replaces by embedded ones.

A variable that looks like one of ours but that no process reads is reported at start with the
closest setting, as a warning in the process's log (on stderr for \`maturity\`):

    ${exampleWarning()}

Looking like ours: a name starting with one of
${prefixes};
a name written like one of the longer names below in another case, or within two edits of it; or
one that begins like a name below of three words or more but for its last word (such as
\`RESCORE_INTERVAL_SECONDS\` or \`GITHUB_WEBHOOK_TOKEN\`). A setting of another process is not
reported, and neither are
${foreign}
(read by Kafka's scripts and \`infra/\`).

${sections}`;
}

/** packages/config/src/known-settings.ts: the names the unknown-setting warning knows. */
export function renderKnownSettings(): string {
  const names = knownSettings()
    .map((name) => `  "${name}",`)
    .join("\n");
  return `// Generated by \`npm run docs -w @maturity/web\` from the settings of every process; do not edit by hand.
export const knownSettingNames: readonly string[] = [
${names}
];
`;
}
