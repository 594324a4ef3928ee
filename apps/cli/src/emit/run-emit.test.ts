// `maturity emit` in-process against a fake fetch: what it sends, prints and exits with.
import { describe, expect, it } from "vitest";
import { deriveEventId } from "./event.ts";
import { readEmitData, runEmit, type EmitDeps, type EmitFlags } from "./run-emit.ts";

const now = Date.parse("2026-11-24T09:30:00Z");

interface Call {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

function harness(answers: (() => Response)[] = [], extra: Partial<EmitDeps> = {}) {
  const calls: Call[] = [];
  const slept: number[] = [];
  let stdout = "";
  let stderr = "";
  const fakeFetch = (async (url: string, init: RequestInit) => {
    calls.push({
      url,
      headers: init.headers as Record<string, string>,
      body: JSON.parse(init.body as string) as unknown,
    });
    const answer = answers.shift();
    if (answer === undefined) throw new Error("no answer left");
    return answer();
  }) as typeof fetch;
  const deps: EmitDeps = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: async () => '{"owner":"from.stdin"}',
    readFile: async (path) => {
      if (path === "owner.json") return '{"owner":"from.file"}';
      throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    },
    now: () => now,
    defaultToken: () => "env-token",
    defaultUrl: () => "http://from-setting.example:3000",
    fetch: fakeFetch,
    sleep: async (ms) => {
      slept.push(ms);
    },
    ...extra,
  };
  return {
    deps,
    calls,
    slept,
    out: () => stdout,
    err: () => stderr,
  };
}

const flags: EmitFlags = {
  subject: "fraud-scoring",
  data: '{"owner":"jane.doe"}',
  source: "urn:maturity:cli",
  to: "http://ingest.example:3000/",
  maxAttempts: 10,
};

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json", ...headers },
    });

const acceptedAnswer = (id: string) =>
  json(202, {
    accepted: [{ id, source: "urn:maturity:cli", type: "gov.owner.assigned", subject: "fraud-scoring" }],
  });

describe("runEmit", () => {
  it("posts one structured-mode event with the token and prints what ingest accepted", async () => {
    const id = deriveEventId({
      type: "gov.owner.assigned",
      subject: "fraud-scoring",
      source: "urn:maturity:cli",
      data: { owner: "jane.doe" },
    });
    const h = harness([acceptedAnswer(id)]);
    expect(await runEmit("gov.owner.assigned", flags, h.deps)).toBe(0);
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]!.url).toBe("http://ingest.example:3000/v1/events");
    expect(h.calls[0]!.headers).toEqual({
      "content-type": "application/cloudevents+json",
      authorization: "Bearer env-token",
    });
    expect(h.calls[0]!.body).toMatchObject({ id, type: "gov.owner.assigned", data: { owner: "jane.doe" } });
    expect(h.out()).toBe(
      `accepted gov.owner.assigned for fraud-scoring: id ${id}, source urn:maturity:cli (http://ingest.example:3000/v1/events)\n`,
    );
  });

  it("--token wins over MATURITY_INGEST_TOKEN; --json prints ingest's answer", async () => {
    const h = harness([acceptedAnswer("x")]);
    expect(await runEmit("gov.owner.assigned", { ...flags, token: "flag-token", json: true }, h.deps)).toBe(
      0,
    );
    expect(h.calls[0]!.headers.authorization).toBe("Bearer flag-token");
    expect(JSON.parse(h.out())).toEqual({
      accepted: [
        { id: "x", source: "urn:maturity:cli", type: "gov.owner.assigned", subject: "fraud-scoring" },
      ],
    });
  });

  it("sends no authorization header without a token", async () => {
    const h = harness([acceptedAnswer("x")], { defaultToken: () => undefined });
    await runEmit("gov.owner.assigned", flags, h.deps);
    expect(h.calls[0]!.headers.authorization).toBeUndefined();
  });

  it("--dry-run prints the validated event and sends nothing", async () => {
    const h = harness();
    expect(await runEmit("gov.owner.assigned", { ...flags, dryRun: true }, h.deps)).toBe(0);
    expect(h.calls).toHaveLength(0);
    expect(JSON.parse(h.out())).toMatchObject({ type: "gov.owner.assigned", time: "2026-11-24T09:30:00Z" });
    expect(h.err()).toContain("not sent (--dry-run)");
  });

  it.each([
    [
      "an unknown type",
      "gov.owner.asigned",
      flags,
      /unknown event type "gov.owner.asigned"; did you mean gov.owner.assigned/,
    ],
    [
      "invalid data",
      "gov.owner.assigned",
      { ...flags, data: '{"owner":""}' },
      /data.owner \(--data\): must not be empty/,
    ],
    [
      "JSON that does not parse",
      "gov.owner.assigned",
      { ...flags, data: "{owner: jane}" },
      /--data: not valid JSON/,
    ],
    [
      "an unreadable file",
      "gov.owner.assigned",
      { ...flags, data: undefined, dataFile: "nope.json" },
      /--data-file nope.json: cannot read it \(ENOENT/,
    ],
  ])("exits 2 on %s and sends nothing", async (_what, type, given, message) => {
    const h = harness();
    expect(await runEmit(type, given, h.deps)).toBe(2);
    expect(h.calls).toHaveLength(0);
    expect(h.err()).toMatch(message);
    expect(h.err()).toMatch(/nothing was sent/i);
  });

  it("prints ingest's reason and each issue on a refusal, and exits 1", async () => {
    const message =
      "the event is refused, so nothing was accepted: data.criterionId: The rubric has no criterion evaluation.l3.offline-eval-gate";
    const h = harness([
      json(422, {
        error: "waiver_refused",
        message,
        issues: [
          {
            path: "data.criterionId",
            message: "The rubric has no criterion evaluation.l3.offline-eval-gate",
          },
        ],
      }),
    ]);
    const given = {
      ...flags,
      data: '{"criterionId":"evaluation.l3.offline-eval-gate","reason":"r","approver":"a","expiresAt":"2027-01-01T00:00:00Z"}',
    };
    expect(await runEmit("gov.waiver.granted", given, h.deps)).toBe(1);
    expect(h.calls).toHaveLength(1);
    expect(h.err()).toContain(`answered 422 waiver_refused: ${message}`);
    expect(h.err()).toContain(
      "\n  data.criterionId: The rubric has no criterion evaluation.l3.offline-eval-gate\n",
    );
  });

  it("hints at the token on a 401", async () => {
    const h = harness([
      json(401, { error: "unauthorized", message: "send an Authorization: Bearer <token> header" }),
    ]);
    expect(await runEmit("gov.owner.assigned", flags, h.deps)).toBe(1);
    expect(h.err()).toContain("answered 401 unauthorized (check --token / MATURITY_INGEST_TOKEN)");
  });

  it("retries a 503 after its Retry-After, printing the retry, then succeeds", async () => {
    const h = harness([
      json(
        503,
        { error: "log_unavailable", message: "the event log is not accepting writes" },
        { "retry-after": "2" },
      ),
      acceptedAnswer("x"),
    ]);
    expect(await runEmit("gov.owner.assigned", flags, h.deps)).toBe(0);
    expect(h.calls).toHaveLength(2);
    expect(h.calls[1]!.body).toEqual(h.calls[0]!.body);
    expect(h.slept).toEqual([2000]);
    expect(h.err()).toBe(
      "maturity emit: 503 from ingest (the event log is not accepting writes); retrying in 2000 ms (attempt 1 of 10 failed)\n",
    );
  });

  it("gives up after --max-attempts and exits 1", async () => {
    const busy = json(429, { error: "busy", message: "slow down" }, { "retry-after": "1" });
    const h = harness([busy, busy, busy]);
    expect(await runEmit("gov.owner.assigned", { ...flags, maxAttempts: 3 }, h.deps)).toBe(1);
    expect(h.calls).toHaveLength(3);
    expect(h.err()).toContain("answered 429 busy: slow down");
  });
});

describe("readEmitData", () => {
  const deps = harness().deps;

  it("reads --data, a file, standard input, or nothing", async () => {
    expect(await readEmitData({ data: '{"a":1}' }, deps)).toEqual({
      ok: true,
      data: { a: 1 },
      flag: "--data",
    });
    expect(await readEmitData({ dataFile: "owner.json" }, deps)).toEqual({
      ok: true,
      data: { owner: "from.file" },
      flag: "--data-file",
    });
    expect(await readEmitData({ dataFile: "-" }, deps)).toEqual({
      ok: true,
      data: { owner: "from.stdin" },
      flag: "--data-file",
    });
    expect(await readEmitData({}, deps)).toEqual({ ok: true, data: undefined });
  });

  it("refuses both at once, and empty input", async () => {
    expect(await readEmitData({ data: "{}", dataFile: "owner.json" }, deps)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/--data <json>' cannot be used with option '--data-file/),
    });
    expect(await readEmitData({ dataFile: "-" }, { ...deps, readStdin: async () => "  \n" })).toEqual({
      ok: false,
      message: "--data-file - (standard input): it is empty; expected a JSON object",
    });
  });
});
