// Benchmark: one system's audit pack from a real Postgres store, beside a plain read of the same
// events from the same store in the same run.
// Usage: npm run bench:audit -w @maturity/cli [-- <llm calls per day>]  (needs infra/up: Postgres)
//
// The store holds the demo organisation's events (packages/demo) for 180 days, stored by the
// worker's applyBatch; its agent system has about 100,000 events, nearly all telemetry
// (llm.call.completed, agent.run.completed). The pack reads them twice (fold and score, then write
// events.ndjson) a page at a time, hashes the chain and deflates the zip; the plain read is one
// query that loads them all (packages/db's eventsForSystemAsOf, what a point-in-time view reads).
// The aim: the pack in at most 3× the plain read. Both are timed in this process with a warm cache;
// the pack is also run as the product runs (the compiled bin, /usr/bin/time) for its peak memory.
import { spawnSync } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeAuditPack } from "@maturity/audit";
import { eventsForSystemAsOf, openDatabase, sql, storedAuditSource } from "@maturity/db";
import { createScratchDatabase, testDatabaseUrl } from "@maturity/db/testing";
import { newProgress, organisationHistory, planOrganisation } from "@maturity/demo";
import type { MaturityEvent } from "@maturity/model";
import { highVolumeEventTypes } from "@maturity/model";
import { builtinPolicy } from "@maturity/policy";
import { applyBatch } from "@maturity/worker";
import { writePackFile } from "../src/audit/pack-file.ts";
import { runBin } from "./run-bin.ts";

const callsPerDay = Number(process.argv[2] ?? 580);
const end = Date.parse("2026-11-24T00:00:00Z");
const asOf = new Date(end).toISOString();
const demo = { seed: 7, teams: 1, systems: 3, days: 180, llmCallsPerDay: callsPerDay, end };

spawnSync("npm", ["run", "build"], { cwd: fileURLToPath(new URL("..", import.meta.url)), stdio: "inherit" });
const events = [...organisationHistory(planOrganisation(demo), demo, newProgress())] as MaturityEvent[];
const counts = new Map<string, number>();
for (const event of events) counts.set(event.subject, (counts.get(event.subject) ?? 0) + 1);
const [systemId, systemEvents] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
const highVolume = new Set<string>(highVolumeEventTypes);
const telemetry = events.filter((e) => e.subject === systemId && highVolume.has(e.type)).length;

const scratch = await createScratchDatabase(testDatabaseUrl);
const store = await openDatabase({ url: scratch.url });
try {
  const started = performance.now();
  for (let at = 0; at < events.length; at += 2_000) {
    const records = events
      .slice(at, at + 2_000)
      .map((event, i) => ({ key: event.subject, value: JSON.stringify(event), position: `bench@${at + i}` }));
    const outcome = await applyBatch(store.db, records, end);
    if (outcome.rejected.length > 0)
      throw new Error(`the store refused events: ${outcome.rejected[0]!.reason}`);
  }
  // A live store's statistics are kept by autovacuum; a store loaded a moment ago has none yet.
  await store.db.execute(sql`analyze`);
  console.log(
    `store: ${events.length.toLocaleString("en")} events stored by applyBatch in ${seconds(started)} s; ` +
      `${systemId} has ${systemEvents.toLocaleString("en")} (${telemetry.toLocaleString("en")} of them telemetry)`,
  );

  // Each timed three times, the median kept; the first plain read also warms the server's cache.
  await eventsForSystemAsOf(store.db, systemId, asOf);
  const readSeconds = await median(async () => {
    const read = await eventsForSystemAsOf(store.db, systemId, asOf);
    if (read.length < systemEvents)
      throw new Error(`the plain read found ${read.length} events, not ${systemEvents}`);
  });
  const passSeconds = await median(async () => {
    for await (const _ of (await storedAuditSource(store.db, systemId, { asOf })).events());
  });
  const dir = mkdtempSync(join(tmpdir(), "maturity-audit-bench-"));
  const out = join(dir, "in-process.zip");
  let result: Awaited<ReturnType<typeof writeAuditPack>> | undefined;
  const packSeconds = await median(async () => {
    const source = await storedAuditSource(store.db, systemId, { asOf });
    result = await writePackFile(out, (stream) =>
      writeAuditPack(source, { asOf: end, policy: builtinPolicy(), generator: "bench" }, stream),
    );
  });

  const cli = runBin([
    "audit-pack",
    systemId,
    "--database-url",
    scratch.url,
    "--as-of",
    asOf,
    "--out",
    join(dir, "cli.zip"),
  ]);
  const verify = runBin(["audit-pack", "verify", join(dir, "cli.zip")]);

  console.log(`plain read (one query, every event in memory at once): ${readSeconds.toFixed(2)} s`);
  console.log(`one pass of the pack's source (pages of 5,000, read ahead): ${passSeconds.toFixed(2)} s`);
  console.log(
    `audit pack (two passes, fold and score, chain, events.ndjson, zip): ${packSeconds.toFixed(2)} s; ` +
      `${result!.events.toLocaleString("en")} events in events.ndjson`,
  );
  console.log(
    `pack / plain read: ${(packSeconds / readSeconds).toFixed(2)}× time (aim ≤ 3×); ` +
      `pack / its two passes alone: ${(packSeconds / (2 * passSeconds)).toFixed(2)}×`,
  );
  console.log(
    `maturity audit-pack (the bin, start to finish): ${cli.seconds.toFixed(1)} s, peak memory ${cli.rssMb} MB; ` +
      `the pack is ${(statSync(join(dir, "cli.zip")).size / 1e6).toFixed(2)} MB`,
  );
  console.log(`maturity audit-pack verify: ${verify.seconds.toFixed(1)} s, peak memory ${verify.rssMb} MB`);
} finally {
  await store.close();
  await scratch.drop();
}

/** The median wall time of three runs, in seconds. */
async function median(work: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await work();
    times.push((performance.now() - started) / 1000);
  }
  return times.sort((a, b) => a - b)[1]!;
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
