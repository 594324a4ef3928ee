// Reading a pack back: the small files whole, and one large file (events.ndjson) as a stream of
// lines, inflated a slice of the zip at a time so its text is never held whole.
import { Unzip, UnzipInflate, type UnzipFile } from "fflate";

const sliceBytes = 256 << 10;
/** Past this a "small" file is refused: a pack's small files are a few megabytes at most. */
const smallFileCap = 256 << 20;

export class ZipReadError extends Error {}

/** The entry names in the order the zip holds them, and the content of those `wanted` says to read. */
export function readEntries(
  zip: Uint8Array,
  wanted: (name: string) => boolean,
): { names: string[]; files: Map<string, Uint8Array> } {
  const names: string[] = [];
  const files = new Map<string, Uint8Array>();
  let failure: Error | undefined;
  const unzip = new Unzip((file) => {
    names.push(file.name);
    if (!wanted(file.name)) return;
    const parts: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (error) return void (failure ??= damaged(file.name, error));
      size += chunk.length;
      if (size > smallFileCap)
        return void (failure ??= new ZipReadError(`${file.name}: larger than ${smallFileCap} bytes`));
      parts.push(chunk);
      if (final) files.set(file.name, join(parts, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  pushAll(unzip, zip, () => failure);
  if (failure !== undefined) throw failure;
  return { names, files };
}

/** Every file of a pack by name, read whole (to show or extract them; verifying streams events.ndjson). */
export function readPackFiles(zip: Uint8Array): Map<string, Uint8Array> {
  return readEntries(zip, () => true).files;
}

/**
 * The lines of one entry (without their newlines), numbered from 1, read a slice at a time.
 * `onBytes` sees the entry's raw bytes as they are inflated (to hash them).
 */
export async function* entryLines(
  zip: Uint8Array,
  name: string,
  onBytes?: (chunk: Uint8Array) => void,
): AsyncGenerator<{ text: string; number: number }> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let failure: Error | undefined;
  let found = false;
  let done = false;
  let carry = "";
  let ready: string[] = [];
  const take = (text: string, final: boolean) => {
    const parts = (carry + text).split("\n");
    carry = final ? "" : parts.pop()!;
    if (final && parts.at(-1) === "") parts.pop();
    ready.push(...parts);
  };
  const unzip = new Unzip((file: UnzipFile) => {
    if (file.name !== name || found) return;
    found = true;
    file.ondata = (error, chunk, final) => {
      if (error) return void (failure ??= damaged(name, error));
      onBytes?.(chunk);
      try {
        take(decoder.decode(chunk, { stream: !final }), final);
      } catch {
        failure ??= new ZipReadError(`${name}: not UTF-8 text`);
      }
      if (final) done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  let number = 0;
  for (let at = 0; at < zip.length; at += sliceBytes) {
    try {
      unzip.push(zip.subarray(at, at + sliceBytes), at + sliceBytes >= zip.length);
    } catch (error) {
      failure ??= new ZipReadError(`not a readable zip (${(error as Error).message})`);
    }
    if (failure !== undefined) throw failure;
    const lines = ready;
    ready = [];
    for (const text of lines) yield { text, number: ++number };
    if (done) return;
  }
  if (!found) throw new ZipReadError(`${name} is missing`);
  if (!done) throw new ZipReadError(`${name} is cut short`);
}

function damaged(name: string, error: Error): ZipReadError {
  return new ZipReadError(`${name} cannot be inflated (${error.message}): its bytes in the zip were damaged`);
}

function pushAll(unzip: Unzip, zip: Uint8Array, failed: () => Error | undefined): void {
  for (let at = 0; at < zip.length; at += sliceBytes) {
    try {
      unzip.push(zip.subarray(at, at + sliceBytes), at + sliceBytes >= zip.length);
    } catch (error) {
      throw new ZipReadError(`not a readable zip (${(error as Error).message})`);
    }
    if (failed() !== undefined) return;
  }
}

function join(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
