// Benchmark: `maturity rubric preview` against plain `maturity score` of the same file, in one run.
// Usage: npm run bench -w @maturity/cli [-- <systems>] (default 10,000 systems; the demo's mix gives
// about 1,000 events per system over 180 days).
//
// A preview scores every system twice (under the current rules and the candidate), so its aim is
// at most 2.5× the time of one `maturity score` of the same file. Both run as the product runs:
// the compiled bin in a child process, output to /dev/null; wall time and peak memory (RSS) from
// /usr/bin/time. The events file is generated once and kept under node_modules/.cache.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runBin } from "./run-bin.ts";

const systems = Number(process.argv[2] ?? 10_000);
const end = "2026-11-24T00:00:00Z";
const cache = fileURLToPath(new URL("../node_modules/.cache/bench/", import.meta.url));
const policy = fileURLToPath(new URL("../../../examples/policies/regulated-bank.yaml", import.meta.url));
const events = `${cache}demo-${systems}.ndjson`;

mkdirSync(cache, { recursive: true });
spawnSync("npm", ["run", "build"], { cwd: fileURLToPath(new URL("..", import.meta.url)), stdio: "inherit" });
if (!existsSync(events)) {
  process.stderr.write(`generating ${systems.toLocaleString("en")} systems' events into ${events}\n`);
  const teams = String(Math.max(1, Math.round(systems / 100)));
  const demo = ["demo", "--systems", String(systems), "--teams", teams, "--days", "180"];
  runBin([...demo, "--llm-calls-per-day", "5", "--end", end, "--out", events]);
}
const lines = Number(spawnSync("wc", ["-l", events], { encoding: "utf8" }).stdout.trim().split(" ")[0]);
const gigabytes = (statSync(events).size / 1e9).toFixed(2);
console.log(
  `file: ${lines.toLocaleString("en")} events of ${systems.toLocaleString("en")} systems, ${gigabytes} GB`,
);

const score = runBin(["score", events, "--as-of", end, "--json"]);
const preview = runBin(["rubric", "preview", policy, events, "--as-of", end, "--json"]);
const describe = (name: string, r: { seconds: number; rssMb: number }) =>
  `${name}: ${r.seconds.toFixed(1)} s, peak memory ${r.rssMb.toLocaleString("en")} MB`;
console.log(describe("maturity score (the raw limit: one read, one fold, one scoring)", score));
console.log(describe("maturity rubric preview (one read, one fold, scoring twice)", preview));
console.log(
  `preview / score: ${(preview.seconds / score.seconds).toFixed(2)}× time (aim ≤ 2.5×), ${(preview.rssMb / score.rssMb).toFixed(2)}× memory`,
);
