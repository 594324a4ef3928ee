// `maturity emit`'s flags, parsed in-process by the real command with a fake fetch: no network.
import type { CommanderError } from "commander";
import { afterEach, describe, expect, it } from "vitest";
import { emitCommand } from "./emit.ts";

function run(args: string[], env: Record<string, string> = {}) {
  const sent: { url: string; body: Record<string, unknown> }[] = [];
  let stdout = "";
  let stderr = "";
  const command = emitCommand({
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    now: () => Date.parse("2026-11-24T09:30:00Z"),
    defaultToken: () => undefined,
    fetch: (async (url: string, init: RequestInit) => {
      sent.push({ url, body: JSON.parse(init.body as string) as Record<string, unknown> });
      return new Response('{"accepted":[]}', { status: 202 });
    }) as typeof fetch,
  })
    .exitOverride()
    .configureOutput({ writeErr: (text) => (stderr += text), writeOut: (text) => (stdout += text) });
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  const done = command.parseAsync(args, { from: "user" }).finally(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  return { done, sent, out: () => stdout, err: () => stderr };
}

async function commanderError(args: string[]): Promise<CommanderError> {
  const attempt = run(args);
  const error = await attempt.done.then(
    () => undefined,
    (caught: unknown) => caught as CommanderError,
  );
  if (error === undefined) throw new Error(`expected ${JSON.stringify(args)} to be refused`);
  expect(attempt.sent).toHaveLength(0);
  return error;
}

afterEach(() => {
  // A refused run sets the exit status of this process; the test runner's must stay clean.
  process.exitCode = undefined;
});

const owner = ["gov.owner.assigned", "--subject", "fraud-scoring", "--data", '{"owner":"jane.doe"}'];

describe("maturity emit flags", () => {
  it("defaults: source urn:maturity:cli, ingest at http://localhost:3000", async () => {
    const { done, sent } = run(owner);
    await done;
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe("http://localhost:3000/v1/events");
    expect(sent[0]!.body).toMatchObject({ source: "urn:maturity:cli", time: "2026-11-24T09:30:00Z" });
  });

  it("MATURITY_INGEST_URL sets where it goes; --to wins over it", async () => {
    const fromEnv = run(owner, { MATURITY_INGEST_URL: "https://maturity.acme.example" });
    await fromEnv.done;
    expect(fromEnv.sent[0]!.url).toBe("https://maturity.acme.example/v1/events");
    const fromFlag = run([...owner, "--to", "http://127.0.0.1:4000"], {
      MATURITY_INGEST_URL: "https://maturity.acme.example",
    });
    await fromFlag.done;
    expect(fromFlag.sent[0]!.url).toBe("http://127.0.0.1:4000/v1/events");
  });

  it("passes --source, --id and --time through", async () => {
    const { done, sent } = run([
      ...owner,
      "--source",
      "https://github.com/acme/fraud-scoring",
      "--id",
      "gha-42",
      "--time",
      "2026-11-23T10:00:00+01:00",
    ]);
    await done;
    expect(sent[0]!.body).toMatchObject({
      id: "gha-42",
      source: "https://github.com/acme/fraud-scoring",
      time: "2026-11-23T10:00:00+01:00",
    });
  });

  it.each([
    [
      ["gov.owner.assigned", "--data", "{}"],
      "commander.missingMandatoryOptionValue",
      /--subject <systemId>' not specified/,
    ],
    [["--subject", "s"], "commander.missingArgument", /missing required argument 'type'/],
    [
      [...owner, "--data-file", "x.json"],
      "commander.conflictingOption",
      /'--data <json>' cannot be used with option '--data-file <file>'/,
    ],
    [
      [...owner, "--to", "localhost:3000"],
      "commander.invalidArgument",
      /--to <url>.*expected an http\(s\) URL/,
    ],
    [
      [...owner, "--max-attempts", "0"],
      "commander.invalidArgument",
      /--max-attempts <n>.*expected a whole number from 1/,
    ],
    [[...owner, "--frobnicate"], "commander.unknownOption", /unknown option '--frobnicate'/],
  ])("refuses %j before anything is sent", async (args, code, message) => {
    const error = await commanderError(args);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("exits 2 for invalid data, naming the field, and sends nothing", async () => {
    const attempt = run(["deploy.completed", "--subject", "s", "--data", '{"status":"done"}']);
    await attempt.done;
    expect(attempt.sent).toHaveLength(0);
    expect(process.exitCode).toBe(2);
    expect(attempt.err()).toContain('data.status (--data): expected one of succeeded|failed, got "done"');
  });
});
