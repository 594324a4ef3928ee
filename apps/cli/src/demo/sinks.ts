// Where `maturity demo` sends its events: an NDJSON file (or stdout), or an ingest endpoint.
// Both take one serialised event at a time and apply backpressure, so memory stays flat.
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";

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

export class IngestError extends Error {}

/** POSTs batches to `<url>/v1/events` as application/cloudevents-batch+json, one at a time. */
export function ingestSink(options: IngestSinkOptions): EventSink {
  const endpoint = `${options.url.replace(/\/+$/, "")}/v1/events`;
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxAttempts = options.maxAttempts ?? 30;
  let batch: string[] = [];

  async function post(events: string[]): Promise<void> {
    const body = `[${events.join(",")}]`;
    const headers: Record<string, string> = { "content-type": "application/cloudevents-batch+json" };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await doFetch(endpoint, { method: "POST", headers, body });
      } catch (error) {
        // Not answered at all: the ingest may be restarting. Resending is safe (dedup on source+id).
        if (attempt >= maxAttempts)
          throw new IngestError(`cannot reach ${endpoint}: ${(error as Error).message}`);
        const waitMs = Math.min(10_000, 250 * 2 ** Math.min(attempt, 6));
        options.onRetry?.(`network error (${(error as Error).message})`, waitMs);
        await sleep(waitMs);
        continue;
      }
      if (response.ok) {
        await response.body?.cancel();
        return;
      }
      const text = await response.text();
      if ((response.status === 503 || response.status === 429) && attempt < maxAttempts) {
        // Retry-After is in seconds; ingest sends it with every 503.
        const seconds = Number(response.headers.get("retry-after"));
        const waitMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000;
        options.onRetry?.(`${response.status} from ingest`, waitMs);
        await sleep(waitMs);
        continue;
      }
      let reason = text;
      try {
        const parsed = JSON.parse(text) as { message?: string; error?: { message?: string } };
        reason = parsed.message ?? parsed.error?.message ?? text;
      } catch {
        // Not JSON: keep the raw text.
      }
      const hint = response.status === 401 || response.status === 403 ? " (check --token)" : "";
      throw new IngestError(
        `ingest at ${endpoint} answered ${response.status}${hint}: ${reason.slice(0, 500)}`,
      );
    }
  }

  const flush = async () => {
    if (batch.length === 0) return;
    const events = batch;
    batch = [];
    await post(events);
  };
  return {
    target: endpoint,
    write(json) {
      batch.push(json);
      return batch.length >= options.batchSize ? flush() : undefined;
    },
    flush,
    close: flush,
  };
}
