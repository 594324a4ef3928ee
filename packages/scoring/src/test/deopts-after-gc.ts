// Run by keep-shape.test.ts as `node --expose-gc --trace-deopt --import tsx <this file> [release]`:
// scores generated systems until V8 has optimized the scoring code, collects all garbage, then
// scores them once more. V8's deoptimization trace goes to stdout; the line `full gc` marks where
// the collection starts (V8 marks the code it drops during it). With `release`, the kept helper
// instances are let go first.
import { queueEvents, systemEvents } from "../../bench/generate.ts";
import { evolve } from "../facts/fold.ts";
import { initialFacts } from "../facts/initial.ts";
import { releaseShapes } from "../keep-shape.ts";
import { scoreOrg } from "../report.ts";

const asOf = Date.parse("2026-11-24T00:00:00Z");
const facts = initialFacts();
for (const event of queueEvents(asOf)) evolve(facts, event);
for (let i = 0; i < 400; i++) for (const event of systemEvents(i, 300, asOf)) evolve(facts, event);

if (process.argv[2] === "release") releaseShapes();
for (let round = 0; round < 6; round++) scoreOrg(facts, { asOf });
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with --expose-gc");
console.log("full gc");
gc();
scoreOrg(facts, { asOf });
