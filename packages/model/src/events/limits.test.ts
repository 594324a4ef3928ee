import { describe, expect, it } from "vitest";
import { exampleEvents } from "./examples.ts";
import { jsonLimits, keyLengths, numberRanges, parseEvent, timeWindow, type EventIssue } from "./index.ts";
import { jsonTextIssue, unstorableTextIssue } from "./json-shape.ts";

const now = Date.parse("2026-11-24T12:00:00Z");

function example(type: string): Record<string, unknown> & { data: Record<string, unknown> } {
  const event = exampleEvents.find((candidate) => candidate.type === type);
  if (!event) throw new Error(`no example for ${type}`);
  return structuredClone(event) as unknown as Record<string, unknown> & { data: Record<string, unknown> };
}

function issueOf(input: unknown): EventIssue {
  const result = parseEvent(input, { now });
  if (result.ok) throw new Error("expected the event to be refused");
  expect(result.issues.length).toBeGreaterThan(0);
  return result.issues[0]!;
}

/** Objects and arrays alternating, `levels` deep, with a number at the bottom. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level++) value = level % 2 === 0 ? [value] : { a: value };
  return value;
}

describe("the input limits in parseEvent", () => {
  it("refuses NUL and unpaired surrogates in any string or key, naming the field", () => {
    const call = example("llm.call.completed");
    expect(issueOf({ ...call, data: { ...call.data, model: "gpt\u0000x" } })).toMatchObject({
      path: "data.model",
      message: expect.stringContaining("NUL"),
    });
    expect(issueOf({ ...call, data: { ...call.data, extra: { note: "a\ud800b" } } })).toMatchObject({
      path: "data.extra.note",
      message: expect.stringContaining("unpaired"),
    });
    expect(issueOf({ ...call, data: { ...call.data, ["k\udc00"]: 1 } }).message).toContain("unpaired");
    // A surrogate pair (an emoji) is a whole character.
    expect(parseEvent({ ...call, data: { ...call.data, feature: "chat 💬" } }, { now }).ok).toBe(true);
  });

  it.each([
    ["0000-01-01T00:00:00Z", /at or after 1970-01-01/],
    ["0099-06-01T00:00:00Z", /at or after 1970-01-01/],
    ["1969-12-31T23:59:59Z", /at or after 1970-01-01/],
    ["9999-12-31T00:00:00Z", /no later than a day from now/],
    ["2026-11-26T12:00:00Z", /no later than a day from now/],
    ["2026-11-24T10:00:00+16:00", /within ±14:00/],
    ["2026-11-24T10:00:00-15:30", /within ±14:00/],
  ])("refuses the time %s", (time, message) => {
    expect(issueOf({ ...example("gov.owner.assigned"), time })).toMatchObject({
      path: "time",
      message: expect.stringMatching(message),
    });
  });

  it("checks every time field, not only the envelope's", () => {
    const deploy = example("deploy.completed");
    expect(
      issueOf({ ...deploy, data: { ...deploy.data, changeRequestedAt: "9999-12-01T00:00:00Z" } }),
    ).toMatchObject({
      path: "data.changeRequestedAt",
    });
  });

  it("lets a deadline (a waiver's expiry) lie far ahead, but not before 1970", () => {
    const waiver = example("gov.waiver.granted");
    const expiring = (expiresAt: string) => ({ ...waiver, data: { ...waiver.data, expiresAt } });
    expect(parseEvent(expiring("2027-06-30T00:00:00Z"), { now }).ok).toBe(true);
    expect(issueOf(expiring("1969-12-31T00:00:00Z"))).toMatchObject({ path: "data.expiresAt" });
    expect(issueOf(expiring("2027-06-30"))).toMatchObject({ path: "data.expiresAt" });
  });

  it("accepts the edges of the window", () => {
    for (const time of ["1970-01-01T00:00:00Z", "2026-11-25T11:59:59Z", "2026-11-24T10:00:00+14:00"]) {
      expect(parseEvent({ ...example("gov.owner.assigned"), time }, { now }).ok, time).toBe(true);
    }
    expect(timeWindow.aheadOfNowMs).toBe(86_400_000);
  });

  it("refuses key fields over their documented length", () => {
    const event = example("gov.owner.assigned");
    expect(issueOf({ ...event, id: "i".repeat(keyLengths.id + 1) })).toMatchObject({ path: "id" });
    expect(issueOf({ ...event, source: "s".repeat(keyLengths.source + 1) })).toMatchObject({
      path: "source",
    });
    expect(issueOf({ ...event, subject: "s".repeat(keyLengths.subject + 1) })).toMatchObject({
      path: "subject",
    });
    expect(issueOf({ ...event, data: { owner: "o".repeat(keyLengths.name + 1) } })).toMatchObject({
      path: "data.owner",
      message: `expected at most ${keyLengths.name} characters`,
    });
    expect(parseEvent({ ...event, id: "i".repeat(keyLengths.id) }, { now }).ok).toBe(true);
  });

  it("refuses events nested deeper than the limit, without recursing into them", () => {
    const event = example("eval.run.completed");
    expect(issueOf({ ...event, data: { ...event.data, deep: nested(1_000) } }).message).toContain(
      `deeper than ${jsonLimits.eventDepth} levels`,
    );
    expect(issueOf({ ...event, data: { ...event.data, deep: nested(100_000) } }).path).toMatch(/^data\.deep/);
    // The envelope is level 1 and data level 2: data may hold eventDepth - 2 more levels.
    expect(
      parseEvent({ ...event, data: { ...event.data, deep: nested(jsonLimits.eventDepth - 2) } }, { now }).ok,
    ).toBe(true);
  });

  it("refuses objects with too many keys and arrays with too many items", () => {
    const event = example("eval.run.completed");
    const wide = Object.fromEntries(Array.from({ length: 50_000 }, (_, index) => [`k${index}`, index]));
    expect(issueOf({ ...event, data: { ...event.data, ...wide } })).toMatchObject({
      path: "data",
      message: `expected at most ${jsonLimits.objectKeys} keys, got ${Object.keys(event.data).length + 50_000}`,
    });
    const long = Array.from({ length: jsonLimits.arrayItems + 1 }, () => 0);
    expect(issueOf({ ...event, data: { ...event.data, list: long } })).toMatchObject({ path: "data.list" });
  });

  it("refuses numbers outside their field's range", () => {
    const call = example("llm.call.completed");
    expect(issueOf({ ...call, data: { ...call.data, costUsd: 1e308 } })).toMatchObject({
      path: "data.costUsd",
      message: expect.stringContaining(`<= ${numberRanges.costUsd.max}`),
    });
    expect(issueOf({ ...call, data: { ...call.data, inputTokens: 1e12 } })).toMatchObject({
      path: "data.inputTokens",
    });
    expect(issueOf({ ...call, data: { ...call.data, latencyMs: -1 } })).toMatchObject({
      path: "data.latencyMs",
    });
    expect(issueOf({ ...call, data: { ...call.data, other: Number.POSITIVE_INFINITY } })).toMatchObject({
      path: "data.other",
      message: "expected a finite number, got Infinity",
    });
    const evalRun = example("eval.run.completed");
    expect(issueOf({ ...evalRun, data: { ...evalRun.data, scores: { bleu: 1e300 } } })).toMatchObject({
      path: "data.scores.bleu",
    });
  });
});

describe("jsonTextIssue (the raw-body scan)", () => {
  const bytes = (text: string) => Buffer.from(text, "utf8");

  it("refuses nesting past the body limit, objects and arrays alike, without parsing", () => {
    const deep = "[".repeat(jsonLimits.bodyDepth + 1) + "]".repeat(jsonLimits.bodyDepth + 1);
    expect(jsonTextIssue(bytes(deep))).toMatch(
      `deeper than ${jsonLimits.bodyDepth} levels (at byte ${jsonLimits.bodyDepth})`,
    );
    expect(jsonTextIssue(bytes('{"a":'.repeat(1_000_000) + "1" + "}".repeat(1_000_000)))).toMatch(
      /deeper than/,
    );
    const ok = "[".repeat(jsonLimits.bodyDepth) + "]".repeat(jsonLimits.bodyDepth);
    expect(jsonTextIssue(bytes(ok))).toBeUndefined();
  });

  it("ignores brackets, braces and commas inside strings, escaped quotes included", () => {
    const text = JSON.stringify({ a: '[[[[{{{{,,,,"]]]]' + "[".repeat(500), b: [1, 2, 3] });
    expect(jsonTextIssue(bytes(text))).toBeUndefined();
  });

  it("refuses too many keys or items in one container", () => {
    const keys = JSON.stringify(
      Object.fromEntries(Array.from({ length: jsonLimits.objectKeys + 1 }, (_, i) => [`k${i}`, i])),
    );
    expect(jsonTextIssue(bytes(keys))).toMatch(`more than ${jsonLimits.objectKeys} keys`);
    const items = JSON.stringify(Array.from({ length: jsonLimits.arrayItems + 1 }, () => 0));
    expect(jsonTextIssue(bytes(items))).toMatch(`more than ${jsonLimits.arrayItems} items`);
    expect(
      jsonTextIssue(bytes(JSON.stringify(Array.from({ length: jsonLimits.arrayItems }, () => 0)))),
    ).toBeUndefined();
  });
});

describe("unstorableTextIssue, for inputs that are not events", () => {
  it("finds NUL or an unpaired surrogate in any string or key, with its path", () => {
    expect(unstorableTextIssue({ search: "a\u0000b" })).toEqual({
      path: ["search"],
      message: expect.stringContaining("NUL"),
    });
    expect(unstorableTextIssue({ scope: { teams: ["ok", "x\udbff"] } })).toEqual({
      path: ["scope", "teams", 1],
      message: expect.stringContaining("unpaired"),
    });
    expect(unstorableTextIssue({ ["k\udc00"]: 1 })).toMatchObject({ path: ["k\udc00"] });
    expect(unstorableTextIssue("\u0000")).toMatchObject({ path: [] });
  });

  it("passes long texts, emoji and non-strings: their sizes are the input schema's to bound", () => {
    expect(unstorableTextIssue({ rules: "x".repeat(jsonLimits.stringLength * 2), note: "chat 💬" })).toBe(
      undefined,
    );
    expect(unstorableTextIssue([1, null, true, { a: [undefined] }])).toBe(undefined);
    expect(unstorableTextIssue(undefined)).toBe(undefined);
  });

  it("walks any depth without exhausting the stack", () => {
    let deep: unknown = "bottom\u0000";
    for (let level = 0; level < 200_000; level++) deep = [deep];
    expect(unstorableTextIssue(deep)?.path).toHaveLength(200_000);
  });
});
