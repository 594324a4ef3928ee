// Making, opening and re-making packs in tests (the re-made ones to tamper with).
import { unzipSync } from "fflate";
import { sha256Hex } from "../pack-files.ts";
import type { AuditPackOptions, AuditPackResult, AuditSource } from "../source.ts";
import { writeAuditPack } from "../write-pack.ts";
import { DeterministicZip } from "../zip/write-zip.ts";

export async function buildPack(
  source: AuditSource,
  options: AuditPackOptions,
): Promise<{ zip: Uint8Array; result: AuditPackResult }> {
  const chunks: Uint8Array[] = [];
  const result = await writeAuditPack(source, options, (chunk) => void chunks.push(chunk));
  return { zip: new Uint8Array(Buffer.concat(chunks)), result };
}

export function unpack(zip: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(zip)));
}

export const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
export const bytes = (value: string) => new TextEncoder().encode(value);

export function json<T = Record<string, unknown>>(files: Map<string, Uint8Array>, name: string): T {
  return JSON.parse(text(files.get(name))) as T;
}

export async function repack(files: Map<string, Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const zip = new DeterministicZip((chunk) => void chunks.push(chunk));
  for (const name of [...files.keys()].sort()) await zip.addFile(name, files.get(name)!);
  await zip.finish();
  return new Uint8Array(Buffer.concat(chunks));
}

/** Records the files' current hashes in the manifest, as a forger of an unsigned pack would. */
export function rehash(files: Map<string, Uint8Array>): Map<string, Uint8Array> {
  const manifest = json<{ files: Record<string, string> }>(files, "manifest.json");
  for (const name of Object.keys(manifest.files)) manifest.files[name] = sha256Hex(files.get(name)!);
  const out = new Map(files);
  out.set("manifest.json", bytes(`${JSON.stringify(manifest, null, 2)}\n`));
  return out;
}

/** events.ndjson's lines, changed by `edit`. */
export function editEvents(
  files: Map<string, Uint8Array>,
  edit: (lines: string[]) => string[],
): Map<string, Uint8Array> {
  const lines = text(files.get("events.ndjson")).split("\n").slice(0, -1);
  const out = new Map(files);
  out.set(
    "events.ndjson",
    bytes(
      edit(lines)
        .map((line) => `${line}\n`)
        .join(""),
    ),
  );
  return out;
}
