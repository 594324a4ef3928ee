import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cliBin, runCli, tempFile } from "../test/run-cli.ts";

/** Runs the bin, reads the first piece of its stdout, then closes the pipe as `| head` would. */
function readFirstChunkThenClose(
  args: string[],
): Promise<{ code: number | null; first: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let first = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once("data", (chunk: Buffer) => {
      first = chunk.toString();
      child.stdout.destroy();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, first, stderr }));
  });
}

describe("maturity, when its reader closes the pipe early", () => {
  it("stops quietly with status 0 (demo)", { timeout: 60_000 }, async () => {
    const { code, first, stderr } = await readFirstChunkThenClose([
      "demo",
      "--systems",
      "40",
      "--teams",
      "4",
    ]);
    expect(JSON.parse(first.split("\n")[0] as string)).toHaveProperty("specversion", "1.0");
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });

  it("stops quietly with status 0 (score --json)", { timeout: 60_000 }, async () => {
    const events = runCli(["demo", "--systems", "12", "--teams", "3", "--days", "30"]);
    expect(events.status).toBe(0);
    const file = tempFile("events.ndjson", events.stdout);
    const { code, first, stderr } = await readFirstChunkThenClose([
      "score",
      file,
      "--as-of",
      "2026-11-24T00:00:00Z",
      "--json",
    ]);
    expect(first.startsWith('{\n  "asOf": "2026-11-24T00:00:00.000Z"')).toBe(true);
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });
});
