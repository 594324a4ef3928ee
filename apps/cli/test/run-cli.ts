// Runs the real `maturity` bin in a child process.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The `maturity` bin, for tests that spawn it themselves. */
export const cliBin = fileURLToPath(new URL("../bin/maturity.js", import.meta.url));

/** `input`, when given, is the command's standard input; `env` is added to this process's. */
export function runCli(
  args: string[],
  input?: string,
  options: { env?: Record<string, string>; cwd?: string } = {},
): { status: number | null; stdout: string; stderr: string } {
  // Room for a demo organisation on stdout (the default limit is 1 MB, past which the child is killed).
  const result = spawnSync(process.execPath, [cliBin, ...args], {
    encoding: "utf8",
    input,
    maxBuffer: 512 << 20,
    ...(options.env !== undefined && { env: { ...process.env, ...options.env } }),
    ...(options.cwd !== undefined && { cwd: options.cwd }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), "maturity-cli-"));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
