// Benchmark: fold 10,000 systems × 1,000 events, then re-score the whole organisation.
// Usage: npm run bench [-- <systems> <eventsPerSystem> <rounds>] (under tsx), or npm run
// bench:compiled [-- …] (bundled by esbuild without keepNames and run by plain node, as the product).
//
// What is measured: the fold (default, deduplicating) of every generated event; then `rounds` full
// `scoreOrg` calls on the folded facts. Nothing is carried between rounds (every view, metric and
// risk is rebuilt from the facts each time, as the worker's re-score does), and garbage-collection
// pauses inside the rounds are included in their times and also reported on their own. Beside
// each round, the raw limit (bench/raw-read.ts): one bare read of every fact row. Last, what the
// one V8 trick kept in scoring (src/keep-shape.ts) is worth: a round after letting it go.
import { PerformanceObserver, performance } from "node:perf_hooks";
import { EvidenceCollector } from "../src/criteria/evidence.ts";
import { WholeViews } from "../src/criteria/whole-view.ts";
import { evolve, initialFacts, median as medianOf, scoreOrg } from "../src/index.ts";
import { releaseShapes } from "../src/keep-shape.ts";
import { MetricJoins } from "../src/metrics/joins.ts";
import { PopulationViews } from "../src/views/populations.ts";
import { queueEvents, systemEvents } from "./generate.ts";
import { rawRead } from "./raw-read.ts";

const systems = Number(process.argv[2] ?? 10_000);
const eventsPerSystem = Number(process.argv[3] ?? 1_000);
const roundCount = Number(process.argv[4] ?? 7);
const asOf = Date.parse("2026-11-24T00:00:00Z");

const gc = (globalThis as { gc?: () => void }).gc;
const liveHeapMb = () => {
  gc?.(); // with --expose-gc: live data only, not garbage waiting for collection
  return Math.round(process.memoryUsage().heapUsed / 1e6);
};
const rate = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString("en");

const facts = initialFacts();
for (const event of queueEvents(asOf)) evolve(facts, event);

// Generated and folded one system at a time, so at most one system's events exist at once.
let foldMs = 0;
let folded = 0;
for (let i = 0; i < systems; i++) {
  const events = systemEvents(i, eventsPerSystem, asOf);
  const start = performance.now();
  for (const event of events) evolve(facts, event);
  foldMs += performance.now() - start;
  folded += events.length;
  if ((i + 1) % 2000 === 0) process.stderr.write(`  folded ${i + 1}/${systems} systems\n`);
}
console.log(`systems: ${systems}, events per system: ${eventsPerSystem}`);
console.log(`live heap after fold: ${liveHeapMb()} MB${gc ? "" : " (no --expose-gc: includes garbage)"}`);
console.log(
  `fold (default, deduplicating): ${folded.toLocaleString("en")} events in ${(foldMs / 1000).toFixed(2)} s → ${rate(folded, foldMs)} events/s`,
);

// The worker's fold: its event store already dedupes, so it skips the `seen` set.
{
  const sample = Math.min(systems, 1_000);
  const workerFacts = initialFacts();
  let ms = 0;
  for (let i = 0; i < sample; i++) {
    const events = systemEvents(i, eventsPerSystem, asOf);
    const start = performance.now();
    for (const event of events) evolve(workerFacts, event, { assumeNew: true });
    ms += performance.now() - start;
  }
  console.log(
    `fold with { assumeNew: true } (worker), first ${sample} systems: ${rate(sample * eventsPerSystem, ms)} events/s`,
  );
}

let gcMs = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});
const rounds: { ms: number; gcMs: number }[] = [];
const rawMs: number[] = [];
let rawRows = 0;
let riskCount = 0;
for (let round = 0; round < roundCount; round++) {
  // The raw limit, measured in every round beside the re-score (the machine's speed drifts).
  gc?.();
  const rawStart = performance.now();
  rawRows = rawRead(facts).rows;
  rawMs.push(performance.now() - rawStart);
  gc?.(); // each round starts from the same heap state; its own garbage is collected inside it
  gcObserver.observe({ entryTypes: ["gc"] });
  gcMs = 0;
  const start = performance.now();
  const report = scoreOrg(facts, { asOf });
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 20)); // let the gc entries of this round arrive
  gcObserver.disconnect();
  rounds.push({ ms, gcMs });
  riskCount = report.org.risks.length;
}
const middle = (values: number[]) => medianOf(values) as number; // roundCount ≥ 1
const median = middle(rounds.map((r) => r.ms));
const best = Math.min(...rounds.map((r) => r.ms));
const medianGc = middle(rounds.map((r) => r.gcMs));
console.log(
  `whole-org re-score (scoreOrg, ${systems} systems, ${riskCount} risks): median ${median.toFixed(0)} ms, min ${best.toFixed(0)} ms over ${roundCount} rounds; median GC inside a round ${medianGc.toFixed(0)} ms (aim: well under 1 s at 10,000 systems × 1,000 events)`,
);
console.log(`  rounds (ms): ${rounds.map((r) => r.ms.toFixed(0)).join(", ")}`);
// Each round against the raw read just before it: the host's speed drifts from round to round.
const ratios = rounds.map((r, i) => r.ms / (rawMs[i] as number));
console.log(
  `raw limit, reading every fact row's time and event id once (${rawRows.toLocaleString("en")} rows): median ${middle(rawMs).toFixed(0)} ms; a re-score costs ${middle(ratios).toFixed(1)}× the read before it (median over rounds; ${ratios.map((r) => r.toFixed(1)).join(", ")})`,
);
console.log(
  `scoring: ${rate(systems, median)} systems/s, ${((median * 1000) / systems).toFixed(1)} µs per system (median), ${((best * 1000) / systems).toFixed(1)} µs (min)`,
);

// keep-shape.ts stays only while it is worth over a tenth of a re-score. With --allow-natives-syntax
// (the npm scripts pass it), also how many of these per-system helper methods V8 still has
// optimized after a full collection, with the kept instances and without.
const helperMethods = [
  EvidenceCollector.prototype.add,
  PopulationViews.prototype.get,
  WholeViews.prototype.get,
  MetricJoins.prototype.namingsByDeployment,
];
function optimizedHelpers(): string {
  let status: (fn: unknown) => number;
  try {
    status = new Function("fn", "return %GetOptimizationStatus(fn)") as (fn: unknown) => number;
  } catch {
    return "?";
  }
  // V8's status bits (runtime-test.cc): optimized, and optimized code marked to be thrown away.
  const optimized = helperMethods.filter(
    (fn) => (status(fn) & (1 << 4)) !== 0 && (status(fn) & (1 << 14)) === 0,
  );
  return `${optimized.length}/${helperMethods.length}`;
}
{
  gc?.();
  const kept = optimizedHelpers();
  releaseShapes();
  gc?.();
  const released = optimizedHelpers();
  const start = performance.now();
  scoreOrg(facts, { asOf });
  const ms = performance.now() - start;
  console.log(
    `keep-shape.ts: a re-score after a full GC without the kept helper instances: ${ms.toFixed(0)} ms, ${((ms / median - 1) * 100).toFixed(0)}% over the median round; helper methods still optimized after a full GC: ${kept} kept, ${released} released`,
  );
}
