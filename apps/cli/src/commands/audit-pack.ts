// `maturity audit-pack <systemId> [events.ndjson|-] …` writes one system's audit pack (a zip an
// auditor can check offline); `maturity audit-pack verify <zip>` checks one.
import { readFile } from "node:fs/promises";
import type { ActivePolicy } from "@maturity/policy";
import type { AuditPackResult, AuditSource } from "@maturity/audit";
import {
  NoEvidenceError,
  StoredChainError,
  fingerprintDescription,
  verifyAuditPack,
  writeAuditPack,
} from "@maturity/audit";
import { Command } from "commander";
import { unknownSystemMessage } from "../audit/closest.ts";
import { openEventsFile } from "../audit/file-source.ts";
import { storeInputs } from "../audit/from-store.ts";
import { defaultPackName, writePackFile } from "../audit/pack-file.ts";
import { chooseSigningKey } from "../audit/signing-key.ts";
import { generator } from "../audit/version.ts";
import { readSigningKeySetting } from "../env.ts";
import { openStore, type StoreOptions } from "../open-store.ts";
import { policyFromOption } from "../policy-option.ts";
import { parseAsOf } from "./score.ts";

interface PackOptions extends StoreOptions {
  asOf?: number;
  policy?: string;
  out?: string;
  signingKey?: string;
}

export function auditPackCommand(): Command {
  return new Command("audit-pack")
    .description(
      "Write one system's audit pack: a zip an auditor can check offline, holding its events with their hash chain, " +
        "its report (as a page and as data), the regulation view, a CycloneDX BOM, the rules used and a manifest, " +
        "signed with Ed25519 when a key is given. The same inputs always give the same bytes. " +
        "From a file of events (no database needed), or from the event store (--database-url, --data-dir).",
    )
    .argument("<systemId>", "the system to pack")
    .argument(
      "[events.ndjson]",
      "newline-delimited CloudEvents, or - for standard input (omit to use the store)",
    )
    .option("--as-of <time>", "the moment the pack describes, ISO 8601 (default: now)", parseAsOf)
    .option(
      "--policy <file>",
      "score under this policy or rubric file (a file of events only; the store uses the policy in force at --as-of)",
    )
    .option(
      "--out <file>",
      "where to write the zip, - for standard output (default: <systemId>-audit-<date>.zip)",
    )
    .option(
      "--signing-key <file>",
      "sign with this Ed25519 private key (PEM; default: MATURITY_SIGNING_KEY, else unsigned)",
    )
    .option("--database-url <url>", "read this Postgres store (default: DATABASE_URL)")
    .option("--data-dir <dir>", "read this embedded data folder (default: MATURITY_DATA_DIR or .data)")
    .addCommand(verifyCommand())
    .action(async (systemId: string, eventsFile: string | undefined, options: PackOptions) => {
      process.exitCode = await writePack(systemId, eventsFile, options);
    });
}

async function writePack(
  systemId: string,
  eventsFile: string | undefined,
  options: PackOptions,
): Promise<number> {
  const say = (text: string) => (options.out === "-" ? process.stderr : process.stdout).write(`${text}\n`);
  const fail = (text: string, code: number) => {
    process.stderr.write(`maturity audit-pack: ${text}\n`);
    return code;
  };
  const fromStore = eventsFile === undefined;
  if (!fromStore && (options.databaseUrl !== undefined || options.dataDir !== undefined))
    return fail("give a file of events or a store (--database-url, --data-dir), not both", 2);
  if (fromStore && options.policy !== undefined)
    return fail(
      "--policy goes with a file of events; from the store, a pack uses the policy in force at --as-of",
      2,
    );
  const key = await chooseSigningKey(options.signingKey, readSigningKeySetting());
  if (!key.ok) return fail(key.message, 2);
  const asOf = options.asOf ?? Date.now();

  const make = async (source: AuditSource, policy: ActivePolicy): Promise<number> => {
    const out = options.out ?? defaultPackName(systemId, asOf);
    let result: AuditPackResult;
    try {
      result = await writePackFile(out, (stream) =>
        writeAuditPack(source, { asOf, policy, generator, ...(key.key && { signingKey: key.key }) }, stream),
      );
    } catch (error) {
      if (error instanceof NoEvidenceError || error instanceof StoredChainError)
        return fail(error.message, 1);
      throw error;
    }
    say(
      `wrote ${out === "-" ? "the pack to standard output" : out} (${result.bytes.toLocaleString("en")} bytes)`,
    );
    say(
      `  ${systemId} as of ${new Date(asOf).toISOString()}, rubric ${policy.rubricVersion} (${policy.kind === "builtin" ? "built-in" : `${policy.name} ${policy.version}`})`,
    );
    say(`  ${result.events} event(s); hash chain head ${result.chainHead}`);
    say(`  manifest.json SHA-256 ${result.manifestSha256}`);
    say(
      result.fingerprint === undefined
        ? "  unsigned: give --signing-key FILE.pem or set MATURITY_SIGNING_KEY to sign packs"
        : `  signed by ${key.ok && key.key ? key.from : "the key given"}; key fingerprint ${result.fingerprint}\n` +
            `  (the fingerprint is the ${fingerprintDescription})`,
    );
    return 0;
  };

  if (!fromStore) {
    const policy = await policyFromOption(options.policy, "audit-pack");
    if (policy === undefined) return 2;
    const opened = await openEventsFile(eventsFile, "audit-pack");
    if (!opened.ok) {
      process.stderr.write(`${opened.message}\n`);
      return 1;
    }
    const { file } = opened;
    try {
      if (!file.systems.includes(systemId))
        return fail(unknownSystemMessage(systemId, file.shown, file.systems), 1);
      return await make(file.source(systemId), policy);
    } finally {
      await file.close();
    }
  }
  const { handle, where } = await openStore(options);
  try {
    const inputs = await storeInputs(handle, where, systemId, asOf);
    if (!inputs.ok) return fail(inputs.message, 1);
    return await make(inputs.source, inputs.policy);
  } finally {
    await handle.close();
  }
}

function verifyCommand(): Command {
  return new Command("verify")
    .description(
      "Check an audit pack offline: its signature (against --public-key, else the key it encloses), every file's SHA-256, " +
        "the hash chain of events.ndjson up to the manifest's head, and that re-scoring its events under its own policy " +
        "as of its time gives its report. Exits 1 naming the first failure.",
    )
    .argument("<zip>", "the audit pack")
    .option("--public-key <file>", "the Ed25519 public key (PEM) the pack must be signed with")
    .action(async (zipFile: string, options: { publicKey?: string }) => {
      const fail = (text: string, code: number) => {
        process.stderr.write(`maturity audit-pack verify: ${text}\n`);
        process.exitCode = code;
      };
      const zip = await readFile(zipFile).catch(() => null);
      if (zip === null) return fail(`cannot read ${zipFile}: no such file`, 1);
      let publicKey: string | undefined;
      if (options.publicKey !== undefined) {
        publicKey = (await readFile(options.publicKey, "utf8").catch(() => null)) ?? undefined;
        if (publicKey === undefined)
          return fail(`cannot read the public key ${options.publicKey}: no such file`, 2);
      }
      const result = await verifyAuditPack(new Uint8Array(zip), {
        generator,
        ...(publicKey !== undefined && { publicKey }),
      });
      const lines = result.checked.map((line) => `  ✓ ${line}`);
      if (result.ok) {
        process.stdout.write(
          `ok: ${zipFile} holds ${result.systemId} as of ${result.asOf}\n${lines.join("\n")}\n`,
        );
        return;
      }
      process.stdout.write(
        `FAILED: ${zipFile}\n${lines.join("\n")}${lines.length > 0 ? "\n" : ""}  ✗ ${result.failure}\n`,
      );
      process.exitCode = 1;
    });
}
