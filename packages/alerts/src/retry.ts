// What to do after a delivery attempt: done, try again later, or give up (dead). Failures that may
// pass (5xx, 429, timeouts, network errors) are retried with exponential backoff and full jitter,
// so receivers coming back from an outage are not hit by every sender at once; a refusal (other
// 4xx: a bad URL, a revoked hook) will not pass by waiting and is dead at once.

export interface RetryPolicy {
  /** Attempts in all, the first included; then the message is dead. */
  maxAttempts: number;
  /** The backoff ceiling after the first attempt; it doubles with each one. */
  baseDelayMs: number;
  /** The most the backoff ceiling grows to. */
  maxDelayMs: number;
  /** The most a Retry-After header is obeyed for. */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  maxRetryAfterMs: 6 * 60 * 60_000,
};

/** How an attempt ended: the receiver's status (and Retry-After), or no answer at all. */
export type AttemptOutcome =
  { status: number; retryAfter?: string | null } | { failure: "timeout" | "network" };

export type AttemptInput = AttemptOutcome & {
  /** The attempt that just ended, 1 for the first. */
  attempt: number;
  now: Date;
  /** Uniform in [0, 1): Math.random in production, fixed in tests. */
  random: () => number;
  policy?: Partial<RetryPolicy>;
};

export type NextAttempt =
  | { action: "done" }
  | { action: "retry"; attempt: number; at: Date; delayMs: number }
  | { action: "dead"; reason: string };

export function nextAttempt(input: AttemptInput): NextAttempt {
  const policy = { ...defaultRetryPolicy, ...input.policy };
  const what =
    "status" in input
      ? `HTTP ${input.status}`
      : input.failure === "timeout"
        ? "a timeout"
        : "a network error";
  if ("status" in input) {
    if (input.status >= 200 && input.status < 300) return { action: "done" };
    const passing = input.status === 429 || (input.status >= 500 && input.status < 600);
    if (!passing)
      return { action: "dead", reason: `the receiver refused it (${what}); retrying would not help` };
  }
  if (input.attempt >= policy.maxAttempts)
    return { action: "dead", reason: `gave up after ${input.attempt} attempts (the last ended in ${what})` };
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (input.attempt - 1));
  const backoff = Math.floor(input.random() * ceiling);
  const asked =
    "status" in input && (input.status === 429 || input.status === 503)
      ? retryAfterMs(input.retryAfter, input.now)
      : undefined;
  const delayMs = asked === undefined ? backoff : Math.min(asked, policy.maxRetryAfterMs);
  return {
    action: "retry",
    attempt: input.attempt + 1,
    at: new Date(input.now.getTime() + delayMs),
    delayMs,
  };
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now: Date): number | undefined {
  const text = value?.trim();
  if (text === undefined || text === "") return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month; Date.parse alone would take "-5" for a year.
  const date = /[A-Za-z]{3}/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
