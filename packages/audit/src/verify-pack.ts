// verifyAuditPack: checks a pack offline, in the order a reader would: the signature, every file's
// hash, the hash chain of events.ndjson up to the manifest's head, and that re-scoring those events
// under the pack's own policy as of its time gives the pack's report. Stops at the first failure.
import { createHash } from "node:crypto";
import { canonicalJson } from "@maturity/model/chain";
import type { ActivePolicy } from "@maturity/policy";
import { activePolicyFromDocument, formatPolicyErrors } from "@maturity/policy";
import { scoreBasis, type PackBasis } from "./basis.ts";
import { writeEventsPass } from "./events-pass.ts";
import { citedIds } from "./evidence.ts";
import { foldPass } from "./fold-pass.ts";
import { historyDocument, weeklyHistory, type HistoryDocument } from "./history.ts";
import { manifestSchema, manifestSystem, packFiles, type Manifest } from "./manifest.ts";
import { filesAfterEvents, filesBeforeEvents, reportDocument, sha256Hex } from "./pack-files.ts";
import { packSource, PackProblem } from "./pack-source.ts";
import { firstReportDifference } from "./report-difference.ts";
import { fingerprint, KeyError, publicKeyOf, verifyBytes } from "./signing.ts";
import { entryLines, readEntries, ZipReadError } from "./zip/read-zip.ts";
import { TextPieces, type EntryStream } from "./zip/write-zip.ts";

export interface VerifyOptions {
  /** The key the pack must be signed with (PEM); without it, the key enclosed in the pack is used. */
  publicKey?: string;
  /**
   * The verifier's own generator ("@maturity/cli 0.1.0"). When the pack's is the same, report.html
   * and cyclonedx.json are rendered again and compared byte for byte; otherwise only by hash.
   */
  generator?: string;
}

export type PackVerification =
  | {
      ok: true;
      systemId: string;
      asOf: string;
      rubricVersion: string;
      /** The fingerprint of the key that signed the pack; absent when it is unsigned. */
      signedBy?: string;
      /** Whose key checked the signature: the one given, or the one enclosed in the pack. */
      keyFrom?: "given" | "enclosed";
      /** What was checked, one line each. */
      checked: string[];
    }
  | { ok: false; failure: string; checked: string[] };

export async function verifyAuditPack(
  zipBytes: Uint8Array,
  options: VerifyOptions = {},
): Promise<PackVerification> {
  const checked: string[] = [];
  try {
    return await verify(zipBytes, options, checked);
  } catch (error) {
    if (error instanceof PackProblem || error instanceof ZipReadError || error instanceof KeyError)
      return { ok: false, failure: error.message, checked };
    return { ok: false, failure: `the pack could not be checked: ${(error as Error).message}`, checked };
  }
}

async function verify(zip: Uint8Array, options: VerifyOptions, checked: string[]): Promise<PackVerification> {
  const { names, files } = readEntries(zip, (name) => name !== packFiles.events);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new PackProblem(`${twice} appears twice in the zip`);
  const manifestFile = files.get(packFiles.manifest);
  if (manifestFile === undefined)
    throw new PackProblem("manifest.json is missing: this is not an audit pack");
  // The signature first, over the bytes as they are: a signed manifest is trusted only once it holds.
  const signature = checkSignature(manifestFile, files, options.publicKey);
  const manifest = readManifest(manifestFile);
  const signer = signatureAgrees(manifest, files, signature, options.publicKey);
  checked.push(signer.line);

  await checkFileHashes(zip, names, files, manifest);
  checked.push(`files: all ${Object.keys(manifest.files).length} match the SHA-256 manifest.json records`);

  const policy = readPolicy(files.get(packFiles.policy)!, manifest);
  checked.push(
    `policy: policy.json is ${policy.kind === "builtin" ? "the built-in rubric" : `${policy.name} version ${policy.version}`} ` +
      `(rubric ${policy.rubricVersion}), content hash as recorded`,
  );

  const asOf = Date.parse(manifest.asOf);
  const source = packSource(zip, {
    systemId: manifest.system.id,
    nativeIds: manifest.system.nativeIds,
    chain: manifest.chain,
  });
  const folded = await foldPass(source, asOf);
  const chainLine = `chain: ${manifest.chain.length} link(s) re-hashed from genesis; they end exactly at the manifest's head ${manifest.chain.head}`;
  if (folded.chainLength !== manifest.chain.length)
    throw new PackProblem(
      `${packFiles.events}: the chain runs ${manifest.chain.length - folded.chainLength} link(s) past its last event at or before ${manifest.asOf}`,
    );
  checked.push(chainLine);

  const basis = scoreBasis(folded, {
    systemId: manifest.system.id,
    asOf,
    policy,
    windows: manifest.windows,
    generator: manifest.generator,
    nativeIds: manifest.system.nativeIds,
  });
  compareReport(files.get(packFiles.reportJson)!, basis);
  checked.push(
    `report: re-scoring events.ndjson as of ${manifest.asOf} under ${policy.rubricVersion} gives report.json exactly`,
  );

  const history = compareHistory(files.get(packFiles.history)!, manifest, basis, folded.facts);
  const written = await writeEventsPass(hashingStream(), source, {
    asOf,
    chainLength: folded.chainLength,
    cited: citedIds(basis.report),
  });
  if (written.sha256 !== manifest.files[packFiles.events])
    throw new PackProblem(
      `${packFiles.events} is not as a pack writer writes these events (a line out of canonical form, repeated, or after ${manifest.asOf})`,
    );
  compareManifestFacts(manifest, basis, written);
  checked.push(
    `manifest: system, owner, event count (${written.summary.count}) and range agree with events.ndjson`,
  );

  const rendered = new Map([
    ...filesBeforeEvents(basis),
    ...filesAfterEvents({
      basis,
      evidence: written.evidence,
      history,
      events: written.summary,
      chain: written.chain,
      fingerprint: manifest.signature?.fingerprint ?? null,
    }),
  ]);
  compareJsonFile(packFiles.clauses, files.get(packFiles.clauses)!, rendered.get(packFiles.clauses)!);
  checked.push("clauses.json: the regulation view of the re-scored report");
  if (options.generator !== undefined && options.generator === manifest.generator) {
    for (const name of [packFiles.reportHtml, packFiles.cyclonedx])
      if (sha256Hex(rendered.get(name)!) !== manifest.files[name])
        throw new PackProblem(`${name} is not what ${manifest.generator} renders from this pack's events`);
    checked.push("report.html, cyclonedx.json: rendered again from the events, byte for byte the same");
  } else
    checked.push(
      `report.html, cyclonedx.json: made by ${manifest.generator}; checked by hash only (this verifier is ${options.generator ?? "unnamed"})`,
    );

  return {
    ok: true,
    systemId: manifest.system.id,
    asOf: manifest.asOf,
    rubricVersion: policy.rubricVersion,
    ...(signer.fingerprint !== undefined && { signedBy: signer.fingerprint, keyFrom: signer.keyFrom }),
    checked,
  };
}

function readManifest(bytes: Uint8Array): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    throw new PackProblem(`manifest.json is not JSON (${(error as Error).message})`);
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PackProblem(`manifest.json: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}

interface SignatureCheck {
  fingerprint: string;
  keyFrom: "given" | "enclosed";
}

/** Checks manifest.sig, when there is one, against the manifest's bytes. */
function checkSignature(
  manifestFile: Uint8Array,
  files: ReadonlyMap<string, Uint8Array>,
  givenPem: string | undefined,
): SignatureCheck | null {
  const signature = files.get(packFiles.signature);
  if (signature === undefined) return null;
  const enclosed = files.get(packFiles.publicKey);
  const keyFrom = givenPem === undefined ? "enclosed" : "given";
  if (keyFrom === "enclosed" && enclosed === undefined)
    throw new PackProblem(
      `${packFiles.publicKey} is missing, and no public key was given to check manifest.sig with`,
    );
  const key = publicKeyOf(
    givenPem ?? new TextDecoder().decode(enclosed),
    keyFrom === "given" ? "the given public key" : packFiles.publicKey,
  );
  const keyFingerprint = fingerprint(key);
  if (!verifyBytes(key, manifestFile, signature))
    throw new PackProblem(
      keyFrom === "given"
        ? `manifest.sig does not verify with the given public key (fingerprint ${keyFingerprint})` +
            `${recordedSigner(manifestFile)}: the pack was signed by another key, or manifest.json was changed`
        : `manifest.sig does not verify with the enclosed ${packFiles.publicKey}: manifest.json was changed after it was signed`,
    );
  return { fingerprint: keyFingerprint, keyFrom };
}

/** "; manifest.json says it was signed by …", when the (unverified) manifest says so. */
function recordedSigner(manifestFile: Uint8Array): string {
  try {
    const recorded = (JSON.parse(new TextDecoder().decode(manifestFile)) as Manifest).signature?.fingerprint;
    return typeof recorded === "string" ? `; manifest.json says it was signed by ${recorded}` : "";
  } catch {
    return "";
  }
}

/** The manifest's own account of the signature agrees with what was found. */
function signatureAgrees(
  manifest: Manifest,
  files: ReadonlyMap<string, Uint8Array>,
  check: SignatureCheck | null,
  givenPem: string | undefined,
): { line: string; fingerprint?: string; keyFrom?: "given" | "enclosed" } {
  if (check === null) {
    if (manifest.signed)
      throw new PackProblem("manifest.json says the pack is signed, but manifest.sig is missing");
    if (givenPem !== undefined)
      throw new PackProblem(
        "the pack is unsigned (manifest.json says so and it holds no manifest.sig), so it cannot be checked against the given public key",
      );
    return { line: "signature: none; the pack is unsigned (manifest.json says so)" };
  }
  if (!manifest.signed || manifest.signature === null)
    throw new PackProblem("manifest.sig is present, but manifest.json says the pack is unsigned");
  if (check.fingerprint !== manifest.signature.fingerprint)
    throw new PackProblem(
      `the key that verifies manifest.sig has fingerprint ${check.fingerprint}, but manifest.json records ${manifest.signature.fingerprint}`,
    );
  if (check.keyFrom === "enclosed" && !files.has(packFiles.publicKey))
    throw new PackProblem(`${packFiles.publicKey} is missing`);
  return {
    line:
      check.keyFrom === "given"
        ? `signature: manifest.sig is a valid Ed25519 signature of manifest.json by the given public key ${check.fingerprint}`
        : `signature: manifest.sig is a valid Ed25519 signature of manifest.json by the key enclosed in the pack ` +
          `(${packFiles.publicKey}, ${check.fingerprint}); it proves the pack is unchanged since signing, not who signed it: ` +
          "give --public-key to check it against a key you trust",
    fingerprint: check.fingerprint,
    keyFrom: check.keyFrom,
  };
}

async function checkFileHashes(
  zip: Uint8Array,
  names: readonly string[],
  files: ReadonlyMap<string, Uint8Array>,
  manifest: Manifest,
): Promise<void> {
  const unlisted = names.find(
    (name) => name !== packFiles.manifest && name !== packFiles.signature && !(name in manifest.files),
  );
  if (unlisted !== undefined)
    throw new PackProblem(`${unlisted} is in the zip but not listed in manifest.json`);
  const required: string[] = [
    packFiles.clauses,
    packFiles.cyclonedx,
    packFiles.events,
    packFiles.history,
    packFiles.policy,
    packFiles.reportHtml,
    packFiles.reportJson,
    ...(manifest.signed ? [packFiles.publicKey] : []),
  ];
  const unrecorded = required.find((name) => !(name in manifest.files));
  if (unrecorded !== undefined) throw new PackProblem(`manifest.json records no SHA-256 for ${unrecorded}`);
  for (const [name, expected] of Object.entries(manifest.files)) {
    if (!names.includes(name))
      throw new PackProblem(`${name} is listed in manifest.json but missing from the zip`);
    const actual = name === packFiles.events ? await entrySha256(zip, name) : sha256Hex(files.get(name)!);
    if (actual !== expected)
      throw new PackProblem(
        `${name}: its SHA-256 is ${actual}, but manifest.json records ${expected}: the file was changed`,
      );
  }
}

async function entrySha256(zip: Uint8Array, name: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const _line of entryLines(zip, name, (chunk) => hash.update(chunk)));
  return hash.digest("hex");
}

function readPolicy(bytes: Uint8Array, manifest: Manifest): ActivePolicy {
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new PackProblem(`policy.json is not JSON (${(error as Error).message})`);
  }
  const read = activePolicyFromDocument(document, packFiles.policy);
  if (!read.ok)
    throw new PackProblem(`policy.json is not a valid policy or rubric: ${formatPolicyErrors(read.errors)}`);
  const { policy } = read;
  if (policy.contentHash !== manifest.policy.contentHash)
    throw new PackProblem(
      `policy.json hashes to ${policy.contentHash}, but manifest.json records ${manifest.policy.contentHash}`,
    );
  if (policy.rubricVersion !== manifest.policy.rubricVersion)
    throw new PackProblem(
      `policy.json scores as rubric ${policy.rubricVersion}, but manifest.json records ${manifest.policy.rubricVersion}`,
    );
  return policy;
}

function compareReport(bytes: Uint8Array, basis: PackBasis): void {
  const packed = parseJson(packFiles.reportJson, bytes) as ReturnType<typeof reportDocument>;
  const expected = reportDocument(basis);
  if (canonicalJson(packed) === canonicalJson(expected)) return;
  throw new PackProblem(`report.json: ${firstReportDifference(packed, expected)}`);
}

function compareHistory(
  bytes: Uint8Array,
  manifest: Manifest,
  basis: PackBasis,
  facts: Parameters<typeof weeklyHistory>[0],
): HistoryDocument {
  const packed = parseJson(packFiles.history, bytes) as HistoryDocument;
  if (
    packed?.source !== manifest.history.source ||
    packed.systemId !== manifest.system.id ||
    packed.asOf !== manifest.asOf
  )
    throw new PackProblem("history.json is not the history of this pack's system and time");
  if (manifest.history.source === "computed") {
    const expected = historyDocument(
      basis.systemId,
      basis.asOf,
      "computed",
      weeklyHistory(facts, basis.systemId, basis),
    );
    if (canonicalJson(packed) !== canonicalJson(expected))
      throw new PackProblem(
        "history.json: the weekly scores are not what scoring events.ndjson at those points gives",
      );
  } else if (!Array.isArray(packed.points) || packed.points.some((p) => !(Date.parse(p.at) <= basis.asOf)))
    throw new PackProblem("history.json: a point of the stored history is not at or before the pack's time");
  return packed;
}

function compareManifestFacts(
  manifest: Manifest,
  basis: PackBasis,
  written: Awaited<ReturnType<typeof writeEventsPass>>,
): void {
  const expected = {
    system: manifestSystem(basis),
    events: { file: packFiles.events, ...written.summary },
  };
  for (const key of ["system", "events"] as const)
    if (canonicalJson(manifest[key]) !== canonicalJson(expected[key]))
      throw new PackProblem(
        `manifest.json: its ${key} section says ${canonicalJson(manifest[key])}, but events.ndjson gives ${canonicalJson(expected[key])}`,
      );
}

function compareJsonFile(name: string, bytes: Uint8Array, rendered: Uint8Array): void {
  const packed = parseJson(name, bytes);
  if (canonicalJson(packed) !== canonicalJson(JSON.parse(new TextDecoder().decode(rendered))))
    throw new PackProblem(`${name} is not the regulation view of the report that events.ndjson gives`);
}

function parseJson(name: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new PackProblem(`${name} is not JSON (${(error as Error).message})`);
  }
}

/** Only hashes what it is given: the verifier re-writes events.ndjson to hash it, not to keep it. */
function hashingStream(): EntryStream {
  const text = new TextPieces();
  return {
    write: async (part) => void (text.add(part) && text.take(false)),
    end: async () => text.sha256(),
  };
}
