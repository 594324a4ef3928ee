// Posting to a running ingest's /v1/events: the one retry loop `maturity demo --to` and
// `maturity emit` share. Resending is always safe: the store keeps one event per (source, id).

/** What ingest answers with every refusal (apps/ingest/src/errors.ts). */
export interface IngestErrorBody {
  /** Always there in ingest's answers; a proxy's may lack it. */
  error?: string;
  message: string;
  issues?: { path: string; message: string }[];
  index?: number;
}

export interface RetryNotice {
  /** Short, e.g. "503 from ingest" or "network error (ECONNREFUSED)". */
  reason: string;
  /** What the server said, when it said something. */
  detail?: string;
  waitMs: number;
  /** The attempt that failed (1-based) and the most there will be. */
  attempt: number;
  maxAttempts: number;
}

export interface PostToIngestOptions {
  /** The ingest base URL, e.g. http://localhost:3000 (the path /v1/events is added). */
  url: string;
  token: string | undefined;
  /** `application/cloudevents+json` (one event) or `application/cloudevents-batch+json`. */
  contentType: string;
  body: string;
  /** Give up after this many attempts (answers of 503/429 or network failures in a row). */
  maxAttempts?: number;
  /** One attempt that has not been answered within this time counts as a network failure. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (notice: RetryNotice) => void;
}

export interface IngestAnswer {
  status: number;
  /** The answer parsed as JSON, or its text when it is not JSON. */
  body: unknown;
}

export const defaultMaxAttempts = 10;
const defaultTimeoutMs = 60_000;

/** ingest could not be reached, or kept answering 503/429 until the attempts ran out. */
export class IngestError extends Error {
  constructor(
    message: string,
    readonly endpoint: string,
  ) {
    super(message);
    this.name = "IngestError";
  }
}

/** ingest answered and refused: a 4xx (or a 5xx other than 503), or a 503/429 on the last attempt. */
export class IngestRefusal extends IngestError {
  constructor(
    endpoint: string,
    readonly status: number,
    /** The answer: IngestErrorBody from ingest, anything from a proxy in front of it. */
    readonly body: unknown,
  ) {
    const code = errorBody(body)?.error;
    super(
      `ingest at ${endpoint} answered ${status}${code === undefined ? "" : ` ${code}`}${authHint(status)}: ${reasonOf(body).slice(0, 500)}`,
      endpoint,
    );
    this.name = "IngestRefusal";
  }

  /** ingest's error code (`invalid_event`, `waiver_refused`, …), when the answer has one. */
  get code(): string | undefined {
    return errorBody(this.body)?.error;
  }

  /** The answer's issues: each field path and what is wrong with it. */
  get issues(): { path: string; message: string }[] {
    return errorBody(this.body)?.issues ?? [];
  }
}

export function ingestEndpoint(url: string): string {
  return `${url.replace(/\/+$/, "")}/v1/events`;
}

/**
 * POSTs one body to `<url>/v1/events` and resolves with the 2xx answer. 503 and 429 are retried
 * after their Retry-After (seconds, or an HTTP date; 1 s when absent), network failures and
 * timeouts with exponential backoff (0.5 s doubling to 10 s), up to `maxAttempts` attempts in all.
 * Throws IngestRefusal for any other answer, IngestError when ingest was never reached.
 */
export async function postToIngest(options: PostToIngestOptions): Promise<IngestAnswer> {
  const endpoint = ingestEndpoint(options.url);
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxAttempts = Math.max(1, options.maxAttempts ?? defaultMaxAttempts);
  const headers: Record<string, string> = { "content-type": options.contentType };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    let body: unknown;
    try {
      response = await doFetch(endpoint, {
        method: "POST",
        headers,
        body: options.body,
        signal: AbortSignal.timeout(options.timeoutMs ?? defaultTimeoutMs),
      });
      body = await readBody(response);
    } catch (error) {
      // Not answered at all: ingest may be restarting, or the network dropped the answer.
      const message = networkMessage(error);
      if (attempt >= maxAttempts) {
        throw new IngestError(
          `cannot reach ${endpoint} (${message}), ${attemptsText(attempt)}; is ingest running there?`,
          endpoint,
        );
      }
      const waitMs = Math.min(10_000, 250 * 2 ** Math.min(attempt, 6));
      options.onRetry?.({ reason: `network error (${message})`, waitMs, attempt, maxAttempts });
      await sleep(waitMs);
      continue;
    }
    if (response.ok) return { status: response.status, body };
    if ((response.status === 503 || response.status === 429) && attempt < maxAttempts) {
      const waitMs = retryAfterMs(response.headers.get("retry-after"));
      const detail = errorBody(body)?.message;
      options.onRetry?.({
        reason: `${response.status} from ingest`,
        ...(detail !== undefined && { detail }),
        waitMs,
        attempt,
        maxAttempts,
      });
      await sleep(waitMs);
      continue;
    }
    throw new IngestRefusal(endpoint, response.status, body);
  }
}

/** Retry-After in seconds (ingest sends it with every 503) or as an HTTP date; 1 s when absent. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header === null || header.trim() === "") return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds > 0 ? Math.ceil(seconds * 1000) : 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(1000, date - now) : 1000;
}

function attemptsText(attempts: number): string {
  return attempts === 1 ? "after 1 attempt" : `after ${attempts} attempts`;
}

function authHint(status: number): string {
  return status === 401 || status === 403 ? " (check --token / MATURITY_INGEST_TOKEN)" : "";
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function errorBody(body: unknown): IngestErrorBody | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const record = body as Record<string, unknown>;
  if (typeof record.message !== "string") return undefined;
  const issues = Array.isArray(record.issues)
    ? record.issues.filter(
        (issue): issue is { path: string; message: string } =>
          typeof issue === "object" &&
          issue !== null &&
          typeof (issue as Record<string, unknown>).path === "string" &&
          typeof (issue as Record<string, unknown>).message === "string",
      )
    : undefined;
  return {
    ...(typeof record.error === "string" && { error: record.error }),
    message: record.message,
    ...(issues !== undefined && { issues }),
  };
}

/** The server's reason in one line: its message, else the raw answer. */
function reasonOf(body: unknown): string {
  const parsed = errorBody(body);
  if (parsed !== undefined) return parsed.message;
  if (typeof body === "string") return body.trim() === "" ? "(empty answer)" : body;
  return JSON.stringify(body);
}

// fetch wraps the real cause ("fetch failed"); the code (ECONNREFUSED, …) is what a person needs.
export function networkMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === "TimeoutError") return "no answer in time";
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  if (typeof cause?.code === "string") return cause.code;
  if (typeof cause?.message === "string") return cause.message;
  return error.message;
}
