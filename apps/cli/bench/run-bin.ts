// The benches run the compiled `maturity` bin as the product runs: in a child process, its output
// discarded, wall time and peak memory (RSS) read from /usr/bin/time.
import { spawnSync } from "node:child_process";
import { cliBin } from "../test/run-cli.ts";

export function runBin(args: string[]): { seconds: number; rssMb: number } {
  const result = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, cliBin, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 << 20,
  });
  const last = result.stderr.trim().split("\n").at(-1) ?? "";
  const [wall, kilobytes] = last.split(" ").map(Number);
  if (result.status !== 0 || !Number.isFinite(wall))
    throw new Error(`maturity ${args.join(" ")} failed (${result.status}): ${result.stderr.slice(-2000)}`);
  return { seconds: wall!, rssMb: Math.round(kilobytes! / 1024) };
}
