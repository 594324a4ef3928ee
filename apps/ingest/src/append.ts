import type { EventLog, LogRecord } from "@maturity/log";

export class AppendTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`the event log did not acknowledge within ${timeoutMs} ms`);
    this.name = "AppendTimeoutError";
  }
}

/**
 * Appends, but gives up waiting after `timeoutMs` so a sender is told to retry instead of hanging
 * while Kafka is away (kafkajs keeps retrying for a long time). A timed-out append may still land
 * later; that is safe because the sender retries with the same (source, id) and the event store
 * keeps one copy.
 */
export async function appendWithin(log: EventLog, records: LogRecord[], timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const append = log.append(records);
  // The loser of the race must not surface as an unhandled rejection.
  append.catch(() => undefined);
  try {
    await Promise.race([
      append,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new AppendTimeoutError(timeoutMs)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
