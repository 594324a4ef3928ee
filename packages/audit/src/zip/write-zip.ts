// A zip written as a stream, byte-for-byte the same for the same files: entries in name order,
// one fixed modification time and mode, and a large entry deflated in fixed-size pieces (deflate's
// output depends on how its input is cut, so the cut must not depend on how the caller wrote it).
// fflate is pure JavaScript, so the bytes do not change with the machine's zlib either.
import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import { AsyncDeflate, Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from "fflate";

type Level = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** 1980-01-01 12:00 in the local zone: zip stores local wall time, so this reads the same anywhere. */
const fixedMtime = new Date(1980, 0, 1, 12, 0, 0);
/** A regular file, rw-r--r--, made on Unix. */
const unixFile = { os: 3, attrs: (0o100644 << 16) >>> 0 };
const pieceBytes = 1 << 20;
/** Text is gathered to about this many characters before it is encoded. */
const textChunk = 256 << 10;
/** A streamed entry waits while this much of it waits for the deflating thread. */
const queuedLimit = 8 << 20;

export type ChunkSink = (chunk: Uint8Array) => void | Promise<void>;

export interface EntryStream {
  /** Text is written as UTF-8. */
  write(part: string): Promise<void>;
  /** Ends the entry; resolves to the SHA-256 (hex) of everything written to it. */
  end(): Promise<string>;
}

export class DeterministicZip {
  private readonly zip: Zip;
  private pending: Uint8Array[] = [];
  private failure: Error | undefined;
  private complete = false;
  private wake: (() => void) | undefined;
  private lastName = "";
  private open = false;
  bytes = 0;

  constructor(
    private readonly sink: ChunkSink,
    private readonly level: Level = 6,
  ) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) this.failure = error;
      else this.pending.push(chunk);
      if (final) this.complete = true;
      this.wake?.();
    });
  }

  /** A whole file at once. */
  async addFile(name: string, content: Uint8Array): Promise<void> {
    this.claim(name);
    const entry = new ZipDeflate(name, { level: this.level });
    this.zip.add(stamped(entry));
    entry.push(content, true);
    this.open = false;
    await this.flush();
  }

  /**
   * A file written in parts, deflated on another thread while the caller goes on (the same
   * algorithm and pieces, so the same bytes); the parts are re-cut into fixed pieces first.
   */
  addStream(name: string): EntryStream {
    this.claim(name);
    const entry = new WorkerDeflateEntry(name, this.level);
    this.zip.add(stamped(entry));
    const text = new TextPieces();
    let bytes: Uint8Array[] = [];
    let size = 0;
    const pushPieces = async (final: boolean) => {
      for (const encoded of text.take(final)) {
        bytes.push(encoded);
        size += encoded.length;
      }
      if (size < pieceBytes && !final) return;
      const joined = concat(bytes, size);
      let at = 0;
      for (; joined.length - at >= pieceBytes; at += pieceBytes) {
        await entry.room(queuedLimit);
        // A copy: the piece's memory moves to the deflating thread.
        entry.push(joined.slice(at, at + pieceBytes), false);
        await this.flush();
      }
      bytes = [joined.subarray(at)];
      size = joined.length - at;
      if (final) {
        entry.push(bytes[0]!.slice(), true);
        this.open = false;
        await this.flush();
      }
    };
    return {
      write: async (part) => {
        if (text.add(part)) await pushPieces(false);
      },
      end: async () => {
        await pushPieces(true);
        return text.sha256();
      },
    };
  }

  /** Writes the central directory once every entry is deflated; the zip is complete after it. */
  async finish(): Promise<number> {
    if (this.open) throw new Error("audit pack: an entry was left open");
    this.zip.end();
    for (;;) {
      await this.flush();
      if (this.complete) break;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
    await this.flush();
    return this.bytes;
  }

  /** Stops the deflating threads of a zip that will not be finished. */
  abort(): void {
    this.zip.terminate();
  }

  private claim(name: string): void {
    if (this.open) throw new Error(`audit pack: ${name} was added while another entry was open`);
    // Sorted names are part of what makes the bytes reproducible.
    if (name <= this.lastName) throw new Error(`audit pack: ${name} added after ${this.lastName}`);
    this.lastName = name;
    this.open = true;
  }

  private async flush(): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    while (this.pending.length > 0) {
      const chunks = this.pending;
      this.pending = [];
      for (const chunk of chunks) {
        this.bytes += chunk.length;
        await this.sink(chunk);
      }
    }
  }
}

function stamped<E extends ZipInputFile>(entry: E): E {
  entry.mtime = fixedMtime;
  entry.os = unixFile.os;
  entry.attrs = unixFile.attrs;
  return entry;
}

/**
 * ZipDeflate's work on fflate's worker thread, with a way to wait while too much is queued. The
 * checksum is zlib's CRC-32 (native, the same standard value fflate computes), kept on this thread.
 */
class WorkerDeflateEntry implements ZipInputFile {
  readonly compression = 8;
  /** The deflate level hint in the entry's flags, as ZipDeflate writes it. */
  readonly flag: 0 | 1 | 2 | 3;
  size = 0;
  crc = 0;
  mtime?: Date;
  os?: number;
  attrs?: number;
  ondata!: AsyncFlateStreamHandler;
  private readonly deflate: AsyncDeflate;
  private drained: (() => void) | undefined;

  constructor(
    readonly filename: string,
    level: Level,
  ) {
    this.flag = level === 1 ? 3 : level < 6 ? 2 : level === 9 ? 1 : 0;
    this.deflate = new AsyncDeflate({ level }, (error, chunk, final) => this.ondata(error, chunk, final));
    this.deflate.ondrain = () => this.drained?.();
  }

  /** `chunk` must own its memory: it moves to the deflating thread. */
  push(chunk: Uint8Array, final: boolean): void {
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    this.deflate.push(chunk, final);
  }

  /** Stops the deflating thread (Zip.terminate calls it for a zip that will not be finished). */
  terminate(): void {
    this.deflate.terminate();
  }

  async room(limit: number): Promise<void> {
    while (this.deflate.queuedSize > limit) await new Promise<void>((resolve) => (this.drained = resolve));
    this.drained = undefined;
  }
}

/**
 * Text gathered into large pieces before it is encoded and hashed: one encoding per piece, not
 * per line. Also the verifier's way of hashing a file it re-writes without keeping it.
 */
export class TextPieces {
  private parts: string[] = [];
  private length = 0;
  private readonly hash = createHash("sha256");
  private readonly encoder = new TextEncoder();

  /** Adds text; true when enough has gathered to take. */
  add(part: string): boolean {
    this.parts.push(part);
    this.length += part.length;
    return this.length >= textChunk;
  }

  /** The gathered text as UTF-8 (hashed on the way), when there is enough or `all` is asked. */
  take(all: boolean): Uint8Array[] {
    if (this.length === 0 || (!all && this.length < textChunk)) return [];
    const encoded = this.encoder.encode(this.parts.join(""));
    this.hash.update(encoded);
    this.parts = [];
    this.length = 0;
    return [encoded];
  }

  sha256(): string {
    this.take(true);
    return this.hash.digest("hex");
  }
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
