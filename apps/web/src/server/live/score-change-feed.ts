import { decodeScoreChangeNotice, scoreChangeChannel } from "@maturity/db";
import type { DatabaseHandle, ScoreChangeNotice } from "@maturity/db";

/**
 * Committed score changes, as the worker announces them on the database's notice channel, fanned
 * out to every open portal page. Notices arriving close together are merged into one, so a burst
 * of batches refreshes a page once rather than once per batch.
 */
export interface ScoreChangeFeed {
  /** Yields each merged change until `signal` aborts. */
  changes(signal: AbortSignal | undefined): AsyncGenerator<ScoreChangeNotice>;
  close(): Promise<void>;
}

export async function startScoreChangeFeed(
  database: Pick<DatabaseHandle, "listen">,
  mergeWindowMs = 250,
): Promise<ScoreChangeFeed> {
  const listeners = new Set<(notice: ScoreChangeNotice | "closed") => void>();
  let pending: Set<string> | null | undefined;
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    const notice = { systemIds: pending === null || pending === undefined ? null : [...pending].sort() };
    pending = undefined;
    for (const listener of listeners) listener(notice);
  };
  const stop = await database.listen(scoreChangeChannel, (payload) => {
    const { systemIds } = decodeScoreChangeNotice(payload);
    if (systemIds === null || pending === null) pending = null;
    else {
      pending ??= new Set();
      for (const id of systemIds) pending.add(id);
    }
    timer ??= setTimeout(flush, mergeWindowMs);
  });

  return {
    async *changes(signal) {
      const queue: ScoreChangeNotice[] = [];
      let wake: (() => void) | undefined;
      let closed = false;
      const listener = (notice: ScoreChangeNotice | "closed") => {
        if (notice === "closed") closed = true;
        else queue.push(notice);
        wake?.();
      };
      const onAbort = () => wake?.();
      listeners.add(listener);
      signal?.addEventListener("abort", onAbort);
      try {
        while (signal?.aborted !== true && !closed) {
          const next = queue.shift();
          if (next !== undefined) {
            yield next;
            continue;
          }
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
        }
      } finally {
        listeners.delete(listener);
        signal?.removeEventListener("abort", onAbort);
      }
    },
    async close() {
      if (timer !== undefined) clearTimeout(timer);
      // Open streams end, so the HTTP server can close.
      for (const listener of listeners) listener("closed");
      listeners.clear();
      await stop();
    },
  };
}
