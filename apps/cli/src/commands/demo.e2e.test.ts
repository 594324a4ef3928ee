// `maturity demo` through the real bin: help, flag errors, deterministic files, posting to ingest.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { parseEvent } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { runCli, tempFile } from "../../test/run-cli.ts";

const small = [
  "--teams",
  "3",
  "--systems",
  "9",
  "--days",
  "14",
  "--llm-calls-per-day",
  "3",
  "--end",
  "2026-11-24T00:00:00Z",
];

describe("maturity demo", () => {
  it("--help lists every flag", () => {
    const { status, stdout } = runCli(["demo", "--help"]);
    expect(status).toBe(0);
    for (const flag of [
      "--seed",
      "--teams",
      "--systems",
      "--days",
      "--llm-calls-per-day",
      "--end",
      "--out",
      "--to",
      "--token",
      "--live",
      "--rate",
    ]) {
      expect(stdout).toContain(flag);
    }
  });

  it.each([
    [["--teams", "many"], /--teams <n>.*expected a whole number/],
    [["--days", "0"], /--days <n>.*expected a whole number from 7/],
    [["--end", "yesterday"], /--end <time>.*ISO 8601/],
    [["--to", "localhost:3000"], /--to <url>.*http/],
    [["--out", "a.ndjson", "--to", "http://x"], /--out.*cannot be used with.*--to/],
    [["--rate", "5"], /--rate.*needs '--live'/],
    [["--frobnicate"], /unknown option '--frobnicate'/],
  ])("rejects %j with an error naming the flag", (args, message) => {
    const { status, stderr } = runCli(["demo", ...args]);
    expect(status).not.toBe(0);
    expect(stderr).toMatch(message);
  });

  it("writes the same bytes for the same seed and end, different ones for another seed", () => {
    const a = tempFile("a.ndjson", "");
    const b = tempFile("b.ndjson", "");
    const c = tempFile("c.ndjson", "");
    expect(runCli(["demo", ...small, "--out", a]).status).toBe(0);
    expect(runCli(["demo", ...small, "--out", b]).status).toBe(0);
    expect(runCli(["demo", ...small, "--seed", "2", "--out", c]).status).toBe(0);
    expect(readFileSync(a, "utf8")).toBe(readFileSync(b, "utf8"));
    expect(readFileSync(a, "utf8")).not.toBe(readFileSync(c, "utf8"));
    // And the file scores: `maturity score` accepts every line.
    const scored = runCli(["score", a, "--as-of", "2026-11-24T00:00:00Z", "--json"]);
    expect(scored.status).toBe(0);
    expect((JSON.parse(scored.stdout) as { systems: unknown[] }).systems).toHaveLength(9);
  });

  it("--to posts batches of at most 500 with the batch media type and the token, retrying a 503", async () => {
    const batches: unknown[][] = [];
    let refusedOnce = false;
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        expect(request.url).toBe("/v1/events");
        expect(request.headers["content-type"]).toBe("application/cloudevents-batch+json");
        expect(request.headers.authorization).toBe("Bearer s3cret");
        if (!refusedOnce) {
          refusedOnce = true;
          response.writeHead(503, { "retry-after": "1", "content-type": "application/json" }).end("{}");
          return;
        }
        batches.push(JSON.parse(body) as unknown[]);
        response.writeHead(202, { "content-type": "application/json" }).end('{"accepted":[]}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const bin = fileURLToPath(new URL("../../bin/maturity.js", import.meta.url));
    const child = spawn(process.execPath, [bin, "demo", ...small, "--to", url, "--token", "s3cret"]);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    server.close();
    expect(status, stderr).toBe(0);
    expect(stderr).toMatch(/503 from ingest; retrying in 1000 ms/);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(500);
    const file = tempFile("same.ndjson", "");
    runCli(["demo", ...small, "--out", file]);
    expect(batches.flat().length).toBe(readFileSync(file, "utf8").trim().split("\n").length);
  });

  it("--live keeps streaming valid events at about the set rate until it is stopped", async () => {
    const bin = fileURLToPath(new URL("../../bin/maturity.js", import.meta.url));
    const child = spawn(process.execPath, [
      bin,
      "demo",
      "--teams",
      "2",
      "--systems",
      "4",
      "--no-history",
      "--live",
      "--rate",
      "40",
    ]);
    let stdout = "";
    // Timed from the first event, not from the spawn: a busy machine may take seconds to start it.
    const firstAt = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no event within 30 s of the start")), 30_000);
      child.stdout.on("data", (chunk: Buffer) => {
        if (stdout === "") resolve(performance.now());
        clearTimeout(timer);
        stdout += chunk.toString();
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const streamedFor = (performance.now() - firstAt) / 1000;
    child.kill("SIGTERM");
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(status).toBe(0);
    const lines = stdout.trim().split("\n").filter(Boolean);
    for (const line of lines) expect(parseEvent(JSON.parse(line)).ok).toBe(true);
    // Live events are new: ids never repeat, and they keep coming at roughly the rate asked.
    expect(new Set(lines.map((line) => (JSON.parse(line) as { id: string }).id)).size).toBe(lines.length);
    expect(lines.length).toBeGreaterThan(40 * streamedFor * 0.5);
    expect(lines.length).toBeLessThan(40 * streamedFor * 1.5 + 40);
  });
});
