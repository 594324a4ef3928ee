import { mkdir, open, readFile, rename, writeFile } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import path from "node:path";
import type { BatchHandler, ConsumedRecord, EventLog, LogRecord, Subscription } from "./event-log.ts";

interface PendingRecord extends ConsumedRecord {
  /** Byte offset just past this record's line: the offset to commit once it is applied. */
  end: number;
}

const maxBatchSize = 500;
const readWindowBytes = 1 << 20;

/**
 * A single-process log in one append-only NDJSON file. An append is acknowledged after fsync, so
 * an accepted event survives a crash; each consumer group keeps its committed byte offset in a
 * small JSON file, replaced atomically (write + rename) after its handler succeeds.
 */
/** Where the embedded log lives inside a data folder (`npm start`'s and the CLI's). */
export function embeddedLogDir(dataDir: string): string {
  return path.join(dataDir, "log");
}

export async function openEmbeddedLog(directory: string): Promise<EventLog> {
  await mkdir(directory, { recursive: true });
  const logPath = path.join(directory, "events.ndjson");
  const file = await open(logPath, "a+");
  let size = await truncateTornTail(file);
  let appendChain: Promise<unknown> = Promise.resolve();
  const listeners = new Set<() => void>();
  let closed = false;

  async function appendNow(records: LogRecord[]): Promise<void> {
    const at = Date.now();
    const text = records
      .map((record) => JSON.stringify({ key: record.key, value: record.value, at }) + "\n")
      .join("");
    const bytes = Buffer.from(text);
    await file.write(bytes, 0, bytes.length, size);
    await file.sync();
    size += bytes.length;
    for (const notify of listeners) notify();
  }

  async function readFrom(start: number): Promise<PendingRecord[]> {
    if (size <= start) return [];
    // Read a bounded window, not everything up to the end: when appends run far ahead of the
    // consumer (a bulk load), reading the whole backlog for every batch is quadratic. The window
    // doubles until it holds at least one whole line.
    let window = readWindowBytes;
    let buffer: Buffer;
    for (;;) {
      const end = Math.min(size, start + window);
      buffer = Buffer.alloc(end - start);
      await file.read(buffer, 0, buffer.length, start);
      if (end === size || buffer.indexOf(10) !== -1) break;
      window *= 2;
    }
    const records: PendingRecord[] = [];
    let lineStart = 0;
    for (let index = buffer.indexOf(10); index !== -1; index = buffer.indexOf(10, lineStart)) {
      const line = buffer.subarray(lineStart, index).toString("utf8");
      const parsed = JSON.parse(line) as LogRecord & { at?: number };
      const recordEnd = start + index + 1;
      records.push({
        key: parsed.key,
        value: parsed.value,
        position: `embedded@${start + lineStart}`,
        ...(parsed.at === undefined ? {} : { appendedAt: parsed.at }),
        end: recordEnd,
      });
      lineStart = index + 1;
      if (records.length >= maxBatchSize) break;
    }
    return records;
  }

  return {
    kind: "embedded",
    append(records) {
      if (closed) return Promise.reject(new Error("the embedded event log is closed"));
      const result = appendChain.then(() => appendNow(records));
      appendChain = result.catch(() => undefined);
      return result;
    },
    async subscribe(groupId: string, handler: BatchHandler): Promise<Subscription> {
      const offsetPath = path.join(directory, `offsets-${groupId.replace(/[^\w.-]/g, "_")}.json`);
      let committed = await readCommittedOffset(offsetPath);
      let running = true;
      let wake: (() => void) | undefined;
      const notify = () => wake?.();
      listeners.add(notify);

      const loop = (async () => {
        while (running) {
          const records = await readFrom(committed);
          if (records.length === 0) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              if (!running || size > committed) resolve();
            });
            wake = undefined;
            continue;
          }
          try {
            await handler({ records, heartbeat: async () => undefined });
          } catch {
            // Not committed: the batch is delivered again after a short pause, like a Kafka retry.
            await new Promise((resolve) => setTimeout(resolve, 200));
            continue;
          }
          committed = records[records.length - 1]!.end;
          await writeOffsetAtomically(offsetPath, committed);
        }
      })();

      return {
        async stop() {
          running = false;
          listeners.delete(notify);
          wake?.();
          await loop;
        },
      };
    },
    async consumerLag() {
      // Offsets here are bytes, not records: no honest record count without reading the file.
      return null;
    },
    async isWritable() {
      return !closed;
    },
    async close() {
      closed = true;
      await appendChain;
      await file.close();
    },
  };
}

/** A crash during a write can leave half a line at the end; it was never acknowledged, so drop it. */
async function truncateTornTail(file: FileHandle): Promise<number> {
  const { size } = await file.stat();
  if (size === 0) return 0;
  const tailLength = Math.min(size, 1 << 20);
  const tail = Buffer.alloc(tailLength);
  await file.read(tail, 0, tailLength, size - tailLength);
  if (tail[tailLength - 1] === 10) return size;
  const lastNewline = tail.lastIndexOf(10);
  const keep = lastNewline === -1 ? size - tailLength : size - tailLength + lastNewline + 1;
  await file.truncate(keep);
  return keep;
}

async function readCommittedOffset(offsetPath: string): Promise<number> {
  try {
    const parsed = JSON.parse(await readFile(offsetPath, "utf8")) as { offset?: unknown };
    return typeof parsed.offset === "number" ? parsed.offset : 0;
  } catch {
    return 0;
  }
}

async function writeOffsetAtomically(offsetPath: string, offset: number): Promise<void> {
  const temporary = `${offsetPath}.tmp`;
  await writeFile(temporary, JSON.stringify({ offset }));
  await rename(temporary, offsetPath);
}
