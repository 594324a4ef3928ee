// The poster `maturity demo --to` and `maturity emit` share: what it retries, how long it waits,
// when it gives up, and what a refusal carries.
import { describe, expect, it } from "vitest";
import { IngestError, IngestRefusal, postToIngest, retryAfterMs, type RetryNotice } from "./ingest-client.ts";

function fakeFetch(answers: (() => Response | Promise<Response>)[]) {
  const calls: RequestInit[] = [];
  const fetcher = (async (_url: string, init: RequestInit) => {
    calls.push(init);
    const answer = answers.shift();
    if (answer === undefined) throw new Error("no answer left");
    return answer();
  }) as typeof fetch;
  return { fetcher, calls };
}

const refused = () => {
  throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
};
const status =
  (code: number, body = "{}", headers: Record<string, string> = {}) =>
  () =>
    new Response(body, { status: code, headers });

async function post(answers: (() => Response | Promise<Response>)[], maxAttempts = 10) {
  const { fetcher, calls } = fakeFetch(answers);
  const waits: number[] = [];
  const notices: RetryNotice[] = [];
  const result = postToIngest({
    url: "http://ingest.example",
    token: "t",
    contentType: "application/cloudevents+json",
    body: "{}",
    maxAttempts,
    fetch: fetcher,
    sleep: async (ms) => {
      waits.push(ms);
    },
    onRetry: (notice) => notices.push(notice),
  });
  return { result, calls, waits, notices };
}

describe("postToIngest", () => {
  it("retries 503 and 429 after Retry-After, network errors with doubling backoff", async () => {
    const run = await post([
      status(503, '{"error":"log_unavailable","message":"log down"}', { "retry-after": "3" }),
      status(429),
      refused,
      refused,
      status(202, '{"accepted":[]}'),
    ]);
    expect(await run.result).toEqual({ status: 202, body: { accepted: [] } });
    expect(run.waits).toEqual([3000, 1000, 2000, 4000]);
    expect(run.notices.map((notice) => notice.reason)).toEqual([
      "503 from ingest",
      "429 from ingest",
      "network error (ECONNREFUSED)",
      "network error (ECONNREFUSED)",
    ]);
    expect(run.notices[0]).toMatchObject({ detail: "log down", attempt: 1, maxAttempts: 10 });
    expect(run.calls[0]!.headers).toEqual({
      "content-type": "application/cloudevents+json",
      authorization: "Bearer t",
    });
  });

  it("stops after maxAttempts: the last 503 is a refusal, the last network error an IngestError", async () => {
    const busy = await post([status(503), status(503)], 2);
    await expect(busy.result).rejects.toBeInstanceOf(IngestRefusal);
    expect(busy.calls).toHaveLength(2);
    const down = await post([refused, refused, refused], 3);
    await expect(down.result).rejects.toThrow(
      /cannot reach http:\/\/ingest.example\/v1\/events \(ECONNREFUSED\), after 3 attempts/,
    );
    await expect(down.result).rejects.not.toBeInstanceOf(IngestRefusal);
    await expect(down.result).rejects.toBeInstanceOf(IngestError);
  });

  it("does not retry other answers; the refusal carries the code, message and issues", async () => {
    const run = await post([
      status(
        400,
        JSON.stringify({
          error: "invalid_event",
          message: "data.owner: required",
          issues: [{ path: "data.owner", message: "required" }],
        }),
      ),
    ]);
    const error = (await run.result.catch((caught: unknown) => caught)) as IngestRefusal;
    expect(error).toBeInstanceOf(IngestRefusal);
    expect(run.calls).toHaveLength(1);
    expect(error.status).toBe(400);
    expect(error.code).toBe("invalid_event");
    expect(error.issues).toEqual([{ path: "data.owner", message: "required" }]);
    expect(error.message).toBe(
      "ingest at http://ingest.example/v1/events answered 400 invalid_event: data.owner: required",
    );
  });

  it("keeps a proxy's answer that is not JSON", async () => {
    const run = await post([status(502, "<html>Bad gateway</html>")]);
    await expect(run.result).rejects.toThrow("answered 502: <html>Bad gateway</html>");
  });

  it("treats an attempt that gets no answer in time as a network error", async () => {
    const { fetcher } = fakeFetch([
      () =>
        new Promise<Response>((_resolve, reject) =>
          setTimeout(() => reject(new DOMException("slow", "TimeoutError")), 1),
        ),
      status(202, "{}"),
    ]);
    const notices: RetryNotice[] = [];
    await postToIngest({
      url: "http://ingest.example",
      token: undefined,
      contentType: "application/cloudevents+json",
      body: "{}",
      fetch: fetcher,
      sleep: async () => undefined,
      onRetry: (notice) => notices.push(notice),
    });
    expect(notices[0]!.reason).toBe("network error (no answer in time)");
  });
});

describe("retryAfterMs", () => {
  it("reads seconds or an HTTP date, and falls back to 1 s", () => {
    const now = Date.parse("2026-11-24T09:30:00Z");
    expect(retryAfterMs("5", now)).toBe(5000);
    expect(retryAfterMs("0.5", now)).toBe(500);
    expect(retryAfterMs(new Date(now + 7000).toUTCString(), now)).toBe(7000);
    expect(retryAfterMs(null, now)).toBe(1000);
    expect(retryAfterMs("soon", now)).toBe(1000);
    expect(retryAfterMs("0", now)).toBe(1000);
  });
});
