import { describe, expect, it } from "vitest";
import { nextAttempt, retryAfterMs, type AttemptOutcome } from "./retry.ts";

const now = new Date("2026-03-01T00:00:00.000Z");
const half = () => 0.5;
const next = (attempt: number, outcome: AttemptOutcome, random = half) =>
  nextAttempt({ attempt, now, random, ...outcome });

describe("nextAttempt", () => {
  it.each([200, 201, 202, 204, 299])("is done on %i", (status) => {
    expect(next(1, { status })).toEqual({ action: "done" });
  });

  it.each([
    ["a 500", { status: 500 }],
    ["a 502", { status: 502 }],
    ["a 503", { status: 503 }],
    ["a 504", { status: 504 }],
    ["a 429", { status: 429 }],
    ["a timeout", { failure: "timeout" }],
    ["a network error", { failure: "network" }],
  ] as const)("retries after %s", (_, outcome) => {
    expect(next(1, outcome)).toMatchObject({ action: "retry", attempt: 2 });
  });

  it.each([400, 401, 403, 404, 410, 413, 422, 301])(
    "gives up at once on %i: waiting will not help",
    (status) => {
      expect(next(1, { status })).toEqual({
        action: "dead",
        reason: `the receiver refused it (HTTP ${status}); retrying would not help`,
      });
    },
  );

  it("backs off exponentially with full jitter, up to a cap", () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7].map((attempt) => {
      const top = next(attempt, { status: 503 }, () => 0.999999);
      return top.action === "retry" ? Math.round(top.delayMs / 1000) : undefined;
    });
    expect(ceilings).toEqual([30, 60, 120, 240, 480, 960, 1920]);
    // The random share of the ceiling, anywhere from nothing to all of it.
    expect(next(3, { failure: "timeout" }, () => 0)).toMatchObject({ delayMs: 0 });
    expect(next(3, { failure: "timeout" }, () => 0.25)).toMatchObject({
      delayMs: 30_000,
      at: new Date(now.getTime() + 30_000),
    });
    const capped = nextAttempt({
      attempt: 20,
      now,
      random: () => 0.999999,
      status: 500,
      policy: { maxAttempts: 30 },
    });
    expect(capped).toMatchObject({ action: "retry", delayMs: 3_599_996 });
  });

  it("honours Retry-After on 429 and 503, in seconds or as a date", () => {
    expect(next(1, { status: 429, retryAfter: "120" })).toEqual({
      action: "retry",
      attempt: 2,
      delayMs: 120_000,
      at: new Date("2026-03-01T00:02:00.000Z"),
    });
    expect(next(1, { status: 503, retryAfter: "Sun, 01 Mar 2026 00:10:00 GMT" })).toMatchObject({
      delayMs: 600_000,
    });
    // Only within reason: six hours at most.
    expect(next(1, { status: 429, retryAfter: "86400" })).toMatchObject({ delayMs: 6 * 60 * 60_000 });
    // Not on other statuses, and not when unreadable.
    expect(next(1, { status: 500, retryAfter: "120" })).toMatchObject({ delayMs: 15_000 });
    expect(next(1, { status: 429, retryAfter: "soon" })).toMatchObject({ delayMs: 15_000 });
  });

  it("is dead after the last attempt", () => {
    expect(next(7, { status: 503 })).toMatchObject({ action: "retry", attempt: 8 });
    expect(next(8, { status: 503 })).toEqual({
      action: "dead",
      reason: "gave up after 8 attempts (the last ended in HTTP 503)",
    });
    expect(next(8, { failure: "timeout" })).toEqual({
      action: "dead",
      reason: "gave up after 8 attempts (the last ended in a timeout)",
    });
    expect(
      nextAttempt({ attempt: 3, now, random: half, status: 502, policy: { maxAttempts: 3 } }),
    ).toMatchObject({
      action: "dead",
    });
    // Success on the last attempt is still success.
    expect(next(8, { status: 200 })).toEqual({ action: "done" });
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates, and nothing else", () => {
    expect(retryAfterMs("0", now)).toBe(0);
    expect(retryAfterMs(" 30 ", now)).toBe(30_000);
    expect(retryAfterMs("Sat, 28 Feb 2026 23:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs("-5", now)).toBeUndefined();
  });
});
