// Output check for performance work: scores the bench's generated organisation at several as-of
// times and window settings, and prints a sha256 of every report written out as JSON. A change
// meant only to make scoring faster must leave the hash as it was.
// Usage: node --import tsx bench/report-hash.ts [systems]
//
// Also scores facts folded in two steps (scored between them), so state kept per facts by the
// scoring must follow the second fold; and facts folded out of order and with `assumeNew`.
import { createHash } from "node:crypto";
import type { MaturityEvent } from "@maturity/model";
import fc from "fast-check";
import { asOfArb, eventsArb } from "../src/test/arbitraries.ts";
import {
  evolve,
  foldEvents,
  initialFacts,
  scoreOrg,
  scoreSystem,
  type OrgFacts,
  type ScoreOptions,
} from "../src/index.ts";
import { prng, queueEvents, systemEvents } from "./generate.ts";

const systems = Number(process.argv[2] ?? 1_500);
const eventsPerSystem = 1_000;
const dayMs = 86_400_000;
const asOf = Date.parse("2026-11-24T00:00:00Z");

class Hash {
  private readonly hash = createHash("sha256");
  add(value: unknown): void {
    this.hash.update(JSON.stringify(value) ?? "undefined");
    this.hash.update("\n");
  }
  digest(): string {
    return createHash("sha256").update(this.hash.copy().digest("hex")).digest("hex");
  }
}

const all = new Hash();
const settings: ScoreOptions[] = [];
for (const daysBack of [0, 45, 120, 185, -30])
  for (const [windowDays, metricsWindowDays] of [
    [90, 30],
    [30, 7],
    [7, 90],
    [365, 30],
    [10.5, 3],
  ] as const)
    settings.push({ asOf: asOf - daysBack * dayMs, windowDays, metricsWindowDays });
settings.push({ asOf: new Date(asOf).toISOString() }); // defaults

const events = Array.from({ length: systems }, (_, i) => systemEvents(i, eventsPerSystem, asOf));
const facts = foldAll(events);
for (const options of settings) section(`settings ${JSON.stringify(options)}`, facts, options);

// One system at a time, without the org's GPU queues.
{
  const h = new Hash();
  for (const systemFacts of Object.values(facts.systems))
    h.add(scoreSystem(systemFacts, { asOf, windowDays: 60, metricsWindowDays: 14 }));
  record("scoreSystem without queues", h);
}

// Folded in two steps: the older half of each system's events (every fourth of the rest too,
// so the second fold also inserts before scored rows), scored, then the remainder.
{
  const stepped = initialFacts();
  for (const e of queueEvents(asOf)) evolve(stepped, e);
  const later: MaturityEvent[][] = [];
  for (const list of events) {
    const half = list.length >> 1;
    const first = list.filter((_, k) => k < half || k % 4 === 0);
    for (const e of first) evolve(stepped, e);
    later.push(list.filter((_, k) => !(k < half || k % 4 === 0)));
  }
  section("first fold", stepped, { asOf });
  section("first fold, earlier", stepped, { asOf: asOf - 100 * dayMs, windowDays: 30 });
  for (const list of later) for (const e of list) evolve(stepped, e);
  section("second fold", stepped, { asOf });
  section("second fold, earlier", stepped, { asOf: asOf - 100 * dayMs, windowDays: 30 });
}

// Shuffled arrival with `assumeNew`, on a third of the systems.
{
  const shuffled = initialFacts();
  for (const e of queueEvents(asOf)) evolve(shuffled, e, { assumeNew: true });
  const rand = prng(42);
  for (const list of events.slice(0, Math.ceil(systems / 3))) {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as MaturityEvent, copy[i] as MaturityEvent];
    }
    for (const e of copy) evolve(shuffled, e, { assumeNew: true });
  }
  section("shuffled, assumeNew", shuffled, { asOf, windowDays: 45 });
}

// Every event type, from the property tests' generators (fixed seed): small random organisations.
{
  const h = new Hash();
  const histories = fc.sample(eventsArb, { seed: 7, numRuns: 600 });
  const times = fc.sample(asOfArb, { seed: 8, numRuns: 600 });
  histories.forEach((history, i) => {
    const f = foldEvents(initialFacts(), history);
    h.add(scoreOrg(f, { asOf: times[i] as number }));
    h.add(scoreOrg(f, { asOf: times[i] as number, windowDays: 20, metricsWindowDays: 60 }));
  });
  record("property generators", h);
}

console.log(`all: ${all.digest()}`);

function foldAll(lists: MaturityEvent[][]): OrgFacts {
  const f = initialFacts();
  for (const e of queueEvents(asOf)) evolve(f, e);
  for (const list of lists) for (const e of list) evolve(f, e);
  return f;
}

function section(name: string, f: OrgFacts, options: ScoreOptions): void {
  const h = new Hash();
  const report = scoreOrg(f, options);
  for (const system of report.systems) h.add(system);
  h.add({ ...report, systems: report.systems.length });
  record(name, h);
}

function record(name: string, h: Hash): void {
  const digest = h.digest();
  all.add(digest);
  console.log(`${digest.slice(0, 16)}  ${name}`);
}
