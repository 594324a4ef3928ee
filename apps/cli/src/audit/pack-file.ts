// Where a pack goes: a file, which appears only once the pack is whole (written beside it under
// another name, then renamed), or standard output for `--out -`.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { finished } from "node:stream/promises";

export function defaultPackName(systemId: string, asOf: number): string {
  // A system id may hold characters a file name should not.
  const safe = systemId.replace(/[^A-Za-z0-9._-]+/g, "_");
  return `${safe}-audit-${new Date(asOf).toISOString().slice(0, 10)}.zip`;
}

export async function writePackFile<T>(
  out: string,
  write: (stream: NodeJS.WritableStream) => Promise<T>,
): Promise<T> {
  if (out === "-") return write(process.stdout);
  const partial = `${out}.partial`;
  const stream = createWriteStream(partial);
  try {
    const result = await write(stream);
    stream.end();
    await finished(stream);
    await rename(partial, out);
    return result;
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
