// The outbox's sender: every due message is rendered for its destination, signed for this
// attempt's time (a webhook's id stays the message id), posted, and its outcome recorded: done,
// tried again after a backoff, or dead. Messages survive any crash here: a message is only
// finished once its outcome is recorded, so at worst it is sent again with the same webhook-id,
// which receivers dedupe on.
import {
  deliveryRequest,
  nextAttempt,
  type AlertMessage,
  type Destination,
  type RetryPolicy,
} from "@maturity/alerts";
import { claimDueAlertMessage, recordAlertAttempt, type AttemptOutcome, type Database } from "@maturity/db";

export interface AlertSenderDeps {
  db: Database;
  /** The alerts file's destinations, by name. */
  destinations: Readonly<Record<string, Destination>>;
  /** MATURITY_PUBLIC_URL: the portal links in messages start with it. */
  publicUrl: string;
  now: () => Date;
  random: () => number;
  fetch?: typeof fetch;
  /** An attempt not answered within this long counts as a timeout (retried). */
  timeoutMs?: number;
  policy?: Partial<RetryPolicy>;
}

const defaultTimeoutMs = 10_000;

export interface SendTally {
  delivered: number;
  retried: number;
  dead: number;
}

/** Sends what is due now (at most `limit` messages), one at a time; resolves with what became of them. */
export async function sendDueAlerts(deps: AlertSenderDeps, limit = 50): Promise<SendTally> {
  const tally: SendTally = { delivered: 0, retried: 0, dead: 0 };
  // One message at a time, each claimed for as long as an attempt can take (and a margin): two
  // workers draining the outbox never send the same message at once.
  const leaseMs = (deps.timeoutMs ?? defaultTimeoutMs) + 30_000;
  const tried: string[] = [];
  while (tried.length < limit) {
    const now = deps.now();
    const row = await claimDueAlertMessage(
      deps.db,
      now.toISOString(),
      new Date(now.getTime() + leaseMs).toISOString(),
      tried,
    );
    if (row === undefined) break;
    tried.push(row.messageId);
    const outcome = await attempt(deps, row.message as AlertMessage, row.destination, row.attempts + 1);
    if (await recordAlertAttempt(deps.db, row.messageId, outcome)) tally[tallyKey(outcome)] += 1;
  }
  return tally;
}

async function attempt(
  deps: AlertSenderDeps,
  message: AlertMessage,
  destinationName: string,
  attemptNumber: number,
): Promise<AttemptOutcome> {
  const now = deps.now();
  const at = now.toISOString();
  const destination = deps.destinations[destinationName];
  if (destination === undefined)
    return {
      kind: "dead",
      at,
      error: `the destination "${destinationName}" is no longer in the alerts file; add it back and re-drive the message`,
    };
  const request = deliveryRequest(message, destination, { publicUrl: deps.publicUrl, now });
  let answer:
    { status: number; retryAfter: string | null } | { failure: "timeout" | "network"; error: string };
  try {
    const response = await (deps.fetch ?? fetch)(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(deps.timeoutMs ?? defaultTimeoutMs),
    });
    await response.body?.cancel();
    answer = { status: response.status, retryAfter: response.headers.get("retry-after") };
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    answer = { failure: timedOut ? "timeout" : "network", error: (error as Error).message };
  }
  const next = nextAttempt({
    ...answer,
    attempt: attemptNumber,
    now,
    random: deps.random,
    policy: deps.policy,
  });
  const status = "status" in answer ? answer.status : undefined;
  const error =
    "status" in answer ? `the receiver answered ${answer.status}` : `${answer.failure}: ${answer.error}`;
  switch (next.action) {
    case "done":
      return { kind: "delivered", at, status: status ?? 200 };
    case "retry":
      return {
        kind: "retry",
        at,
        nextAttemptAt: next.at.toISOString(),
        ...(status !== undefined && { status }),
        error,
      };
    case "dead":
      return { kind: "dead", at, ...(status !== undefined && { status }), error: `${error}; ${next.reason}` };
  }
}

function tallyKey(outcome: AttemptOutcome): keyof SendTally {
  return outcome.kind === "delivered" ? "delivered" : outcome.kind === "retry" ? "retried" : "dead";
}
