// Where `maturity demo` sends its events: an NDJSON file (or stdout), or an ingest endpoint.
// Both take one serialised event at a time and apply backpressure, so memory stays flat.
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { ingestEndpoint, postToIngest } from "../ingest-client.ts";

export interface EventSink {
  /** Takes one event as JSON text; returns a promise only when the caller must wait (backpressure). */
  write(json: string): Promise<void> | undefined;
  /** Sends or writes whatever is buffered. */
  flush(): Promise<void>;
  close(): Promise<void>;
  /** Where the events go, for messages. */
  readonly target: string;
}

const chunkBytes = 256 * 1024;

/** NDJSON to a file or stdout, written in chunks and waiting for the stream to drain. */
export function ndjsonSink(path: string | undefined): EventSink {
  const stream: Writable = path === undefined ? process.stdout : createWriteStream(path);
  let buffer: string[] = [];
  let size = 0;
  let failure: Error | undefined;
  stream.on("error", (error) => (failure = error));
  const writeChunk = async () => {
    if (failure) throw failure;
    if (buffer.length === 0) return;
    const text = buffer.join("");
    buffer = [];
    size = 0;
    if (!stream.write(text)) await new Promise<void>((resolve) => stream.once("drain", resolve));
  };
  return {
    target: path ?? "stdout",
    write(json) {
      buffer.push(json, "\n");
      size += json.length + 1;
      return size >= chunkBytes ? writeChunk() : undefined;
    },
    flush: writeChunk,
    async close() {
      await writeChunk();
      if (path !== undefined)
        await new Promise<void>((resolve, reject) =>
          stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
        );
      if (failure) throw failure;
    },
  };
}

export interface IngestSinkOptions {
  url: string;
  token: string | undefined;
  /** At most 500: what ingest takes in one batch. */
  batchSize: number;
  /** Give up after this many answers of 503/429 or network failures in a row. */
  maxAttempts?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (reason: string, waitMs: number) => void;
}

/**
 * POSTs batches to `<url>/v1/events` as application/cloudevents-batch+json, one at a time, with
 * the retries of postToIngest (ingest-client.ts).
 */
export function ingestSink(options: IngestSinkOptions): EventSink {
  let batch: string[] = [];
  const post = async (events: string[]) => {
    await postToIngest({
      url: options.url,
      token: options.token,
      contentType: "application/cloudevents-batch+json",
      body: `[${events.join(",")}]`,
      maxAttempts: options.maxAttempts ?? 30,
      ...(options.fetch !== undefined && { fetch: options.fetch }),
      ...(options.sleep !== undefined && { sleep: options.sleep }),
      onRetry: (notice) => options.onRetry?.(notice.reason, notice.waitMs),
    });
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const events = batch;
    batch = [];
    await post(events);
  };
  return {
    target: ingestEndpoint(options.url),
    write(json) {
      batch.push(json);
      return batch.length >= options.batchSize ? flush() : undefined;
    },
    flush,
    close: flush,
  };
}
