// writeAuditPack: one system's evidence as of a moment, as a deterministic zip written as a stream.
// Two passes over the source (fold and score, then write events.ndjson), entries in name order,
// so memory holds the system's facts and the small files, never its events.
import { once } from "node:events";
import { citedIds } from "./evidence.ts";
import { platformWindows, scoreBasis } from "./basis.ts";
import { writeEventsPass } from "./events-pass.ts";
import { foldPass } from "./fold-pass.ts";
import { historyDocument, storedHistory, weeklyHistory } from "./history.ts";
import { manifestBytes, manifestSystem, packFiles, packFormat, type Manifest } from "./manifest.ts";
import { filesAfterEvents, filesBeforeEvents, sha256Hex } from "./pack-files.ts";
import {
  fingerprint as fingerprintOf,
  fingerprintDescription,
  publicKeyPem,
  signBytes,
  signingKeyOf,
} from "./signing.ts";
import type { AuditPackOptions, AuditPackResult, AuditSource } from "./source.ts";
import { DeterministicZip, type ChunkSink } from "./zip/write-zip.ts";

export type PackOutput = NodeJS.WritableStream | ((chunk: Uint8Array) => void | Promise<void>);

/**
 * Writes the pack to `out`, which is not ended (the caller owns it). Throws before writing anything
 * when the key is not an Ed25519 private key or the system has no events at or before asOf; a
 * stored chain found broken while writing stops the pack part-way (discard what was written).
 */
export async function writeAuditPack(
  source: AuditSource,
  options: AuditPackOptions,
  out: PackOutput,
): Promise<AuditPackResult> {
  const key = options.signingKey === undefined ? undefined : signingKeyOf(options.signingKey);
  const fingerprint = key === undefined ? null : fingerprintOf(key);
  const { systemId } = source;
  const { asOf, policy } = options;
  const nativeIds = [...(source.nativeIds ?? [])].sort();

  const folded = await foldPass(source, asOf);
  const basis = scoreBasis(folded, {
    systemId,
    asOf,
    policy,
    windows: platformWindows,
    generator: options.generator,
    nativeIds,
  });
  const history =
    source.history === undefined
      ? historyDocument(systemId, asOf, "computed", weeklyHistory(folded.facts, systemId, basis))
      : historyDocument(systemId, asOf, "store", storedHistory(await source.history(), asOf));

  const zip = new DeterministicZip(sinkOf(out), 6);
  try {
    const hashes = new Map<string, string>();
    const add = async (name: string, bytes: Uint8Array) => {
      hashes.set(name, sha256Hex(bytes));
      await zip.addFile(name, bytes);
    };

    for (const [name, bytes] of filesBeforeEvents(basis)) await add(name, bytes);
    const written = await writeEventsPass(
      zip.addStream(packFiles.events),
      { systemId, nativeIds, distinct: source.distinct, events: () => source.events() },
      { asOf, chainLength: folded.chainLength, cited: citedIds(basis.report) },
    );
    hashes.set(packFiles.events, written.sha256);

    const after = filesAfterEvents({
      basis,
      evidence: written.evidence,
      history,
      events: written.summary,
      chain: written.chain,
      fingerprint,
    });
    if (key !== undefined) after.set(packFiles.publicKey, new TextEncoder().encode(publicKeyPem(key)));
    for (const [name, bytes] of after) hashes.set(name, sha256Hex(bytes));

    const manifest = buildManifest({ basis, written, history: history.source, fingerprint, hashes });
    const manifestFile = manifestBytes(manifest);
    const tail = new Map(after);
    tail.set(packFiles.manifest, manifestFile);
    if (key !== undefined) tail.set(packFiles.signature, signBytes(key, manifestFile));
    for (const name of [...tail.keys()].sort()) await zip.addFile(name, tail.get(name)!);
    const bytes = await zip.finish();
    return {
      systemId,
      manifestSha256: sha256Hex(manifestFile),
      ...(fingerprint !== null && { fingerprint }),
      bytes,
      chainHead: written.chain.head,
      events: written.summary.count,
    };
  } catch (error) {
    // Deflating threads of a pack that will not be finished must not keep the process alive.
    zip.abort();
    throw error;
  }
}

function buildManifest(parts: {
  basis: ReturnType<typeof scoreBasis>;
  written: Awaited<ReturnType<typeof writeEventsPass>>;
  history: "store" | "computed";
  fingerprint: string | null;
  hashes: ReadonlyMap<string, string>;
}): Manifest {
  const { basis, written, fingerprint, hashes } = parts;
  const { policy } = basis;
  return {
    format: packFormat,
    system: manifestSystem(basis),
    asOf: new Date(basis.asOf).toISOString(),
    policy: {
      kind: policy.kind,
      name: policy.name,
      version: policy.version,
      rubricVersion: policy.rubricVersion,
      contentHash: policy.contentHash,
      file: packFiles.policy,
    },
    windows: { ...basis.windows },
    generator: basis.generator,
    events: { file: packFiles.events, ...written.summary },
    chain: { ...written.chain },
    history: { file: packFiles.history, source: parts.history },
    signed: fingerprint !== null,
    signature:
      fingerprint === null
        ? null
        : {
            algorithm: "Ed25519",
            file: packFiles.signature,
            publicKey: packFiles.publicKey,
            fingerprint,
            fingerprintOf: fingerprintDescription,
          },
    files: Object.fromEntries([...hashes].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

/** A function is called with each chunk; a stream is written to, waiting whenever it asks. */
function sinkOf(out: PackOutput): ChunkSink {
  if (typeof out === "function") return out;
  return async (chunk) => {
    if (!out.write(chunk)) await once(out as NodeJS.EventEmitter, "drain");
  };
}
