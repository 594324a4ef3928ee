// Run by keep-shape.test.ts as `node --allow-natives-syntax --expose-gc --import tsx <this file>
// [release]`: scores generated systems until V8 has optimized the per-system helpers' methods
// below (others, such as ReleaseGates.at, are only ever inlined into their callers), collects all
// garbage, and prints which of them are still optimized. With `release`, the kept helper
// instances are let go first.
import { queueEvents, systemEvents } from "../../bench/generate.ts";
import { EvidenceCollector } from "../criteria/evidence.ts";
import { WholeViews } from "../criteria/whole-view.ts";
import { evolve } from "../facts/fold.ts";
import { initialFacts } from "../facts/initial.ts";
import { releaseShapes } from "../keep-shape.ts";
import { MetricJoins } from "../metrics/joins.ts";
import { scoreOrg } from "../report.ts";
import { PopulationViews } from "../views/populations.ts";

// V8's own status bits (runtime-test.cc): optimized, and optimized code marked to be thrown away.
const optimizationStatus = new Function("fn", "return %GetOptimizationStatus(fn)") as (fn: unknown) => number;
const optimized = 1 << 4;
const markedForDeoptimization = 1 << 14;
const isOptimized = (fn: unknown) =>
  (optimizationStatus(fn) & optimized) !== 0 && (optimizationStatus(fn) & markedForDeoptimization) === 0;

const methods = {
  "EvidenceCollector.add": EvidenceCollector.prototype.add,
  "PopulationViews.get": PopulationViews.prototype.get,
  "WholeViews.get": WholeViews.prototype.get,
  "MetricJoins.namingsByDeployment": MetricJoins.prototype.namingsByDeployment,
};
const statuses = () =>
  Object.fromEntries(Object.entries(methods).map(([name, fn]) => [name, isOptimized(fn)]));

const asOf = Date.parse("2026-11-24T00:00:00Z");
const facts = initialFacts();
for (const event of queueEvents(asOf)) evolve(facts, event);
for (let i = 0; i < 200; i++) for (const event of systemEvents(i, 300, asOf)) evolve(facts, event);

if (process.argv[2] === "release") releaseShapes();
for (let round = 0; round < 50 && !Object.values(statuses()).every(Boolean); round++)
  scoreOrg(facts, { asOf });
console.log(JSON.stringify({ before: statuses() }));
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with --expose-gc");
gc();
console.log(JSON.stringify({ after: statuses() }));
