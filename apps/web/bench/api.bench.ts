// Portal API latency on a large organisation: org overview and system report, p50/p95 over HTTP
// (tRPC on fastify, real Postgres), beside the raw limits measured in the same run: the same
// overview SQL straight through postgres.js, and an HTTP round trip that does no work (/healthz).
// Run: npm run bench:api -w @maturity/web -- [systems=2000] [days=90] [llmCallsPerDay=20]
// (needs infra/up). The loaded organisation is kept in the database `maturity_bench_api` and
// reused while its size matches, since loading millions of events takes minutes.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, sql } from "@maturity/db";
import { testDatabaseUrl } from "@maturity/db/testing";
import { newProgress, organisationHistory, planOrganisation } from "@maturity/demo";
import { percentile } from "@maturity/scoring";
import { applyBatch, refreshRollups } from "@maturity/worker";
import postgres from "postgres";
import { rubric } from "@maturity/model/rubric";
import { readEnv } from "../src/server/env.ts";
import { coverageByTier } from "../src/server/routers/compliance-reads.ts";
import { rubricClauses } from "../src/server/routers/compliance-views.ts";
import { startPlatform } from "../src/server/platform.ts";

const [systems = 2_000, days = 90, llmCallsPerDay = 20] = process.argv.slice(2).map(Number);
const end = Date.parse("2026-11-24T12:00:00.000Z");
const demo = { seed: 11, teams: Math.max(1, Math.round(systems / 7)), systems, days, llmCallsPerDay, end };
const label = `${systems} systems, ${days} days, ${llmCallsPerDay} LLM calls/day`;
const benchUrl = testDatabaseUrl.replace(/\/[^/?]+(\?|$)/, "/maturity_bench_api$1");

async function ensureDatabase(): Promise<void> {
  const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => undefined });
  const [exists] = await admin`select 1 from pg_database where datname = 'maturity_bench_api'`;
  if (exists === undefined) await admin.unsafe("create database maturity_bench_api");
  await admin.end();
}

/** Loads the organisation through the worker's own apply path, in time order, clock following. */
async function load(): Promise<void> {
  await ensureDatabase();
  const handle = await openDatabase({ url: benchUrl });
  const db = handle.db;
  const marker = await db
    .execute(sql`select obj_description('projections.system_reports'::regclass) as label`)
    .then(
      (result) =>
        (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows)[0] as {
          label: string | null;
        },
    );
  if (marker?.label === label) {
    console.log(`reusing the loaded organisation (${label})`);
    await handle.close();
    return;
  }
  await db.execute(sql.raw("drop schema if exists projections cascade"));
  await db.execute(sql.raw("drop schema if exists drizzle cascade"));
  await db.execute(sql.raw("drop schema public cascade; create schema public"));
  await handle.close();
  const fresh = await openDatabase({ url: benchUrl });
  const started = performance.now();
  let batch: string[] = [];
  let lastTime = 0;
  let loaded = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const records = batch.map((value, index) => ({ key: "", value, position: `bench@${loaded + index}` }));
    await applyBatch(fresh.db, records, lastTime);
    loaded += batch.length;
    batch = [];
    process.stderr.write(
      `\rloading: ${loaded.toLocaleString("en")} events, ${Math.round(loaded / ((performance.now() - started) / 1000))} ev/s   `,
    );
  };
  for (const event of organisationHistory(planOrganisation(demo), demo, newProgress())) {
    batch.push(JSON.stringify(event));
    lastTime = Math.max(lastTime, Date.parse(event.time));
    if (batch.length >= 5_000) await flush();
  }
  await flush();
  await refreshRollups(fresh.db, end);
  await fresh.db.execute(sql.raw(`comment on table projections.system_reports is '${label}'`));
  process.stderr.write("\n");
  console.log(
    `loaded ${loaded.toLocaleString("en")} events in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  await fresh.close();
}

/** `timesItself`: `once` resolves with the duration of the part to count (it waits first). */
async function measure(
  what: string,
  runs: number,
  once: (run: number) => Promise<unknown>,
  timesItself = false,
) {
  for (let run = 0; run < 5; run += 1) await once(run); // warm-up
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const result = await once(run);
    samples.push(timesItself ? (result as number) : performance.now() - started);
  }
  const [p50, p95] = [percentile(samples, 0.5)!, percentile(samples, 0.95)!];
  console.log(
    `${what.padEnd(50)} p50 ${p50.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms`,
  );
  return { p50, p95 };
}

await load();
const dataDir = await mkdtemp(path.join(tmpdir(), "maturity-bench-api-"));
const platform = await startPlatform({
  ...readEnv({}),
  PORT: 0,
  HOST: "127.0.0.1",
  MATURITY_DATA_DIR: dataDir,
  DATABASE_URL: benchUrl,
  kafkaBrokers: undefined,
  MATURITY_ROLES: ["web"],
  LOG_LEVEL: "warn",
});
const raw = postgres(benchUrl, { max: 2, onnotice: () => undefined });
const counts =
  await raw`select (select count(*) from events) + (select count(*) from telemetry_events) as events,
  (select count(*) from projections.system_reports) as systems,
  (select count(*) from projections.score_history) as history`;
console.log(
  `organisation: ${Number(counts[0]!.systems).toLocaleString("en")} systems, ${Number(counts[0]!.events).toLocaleString("en")} events, ${Number(counts[0]!.history).toLocaleString("en")} score history rows`,
);
const systemIds = (await raw`select system_id from projections.system_reports order by system_id`).map(
  (row) => row.system_id as string,
);
const get = async (procedure: string, input: unknown) => {
  const response = await fetch(
    `${platform.url}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
  );
  if (response.status !== 200) throw new Error(`${procedure} answered ${response.status}`);
  return response.arrayBuffer();
};

const runs = 200;
const noop = await measure("raw: HTTP round trip doing nothing (/healthz)", runs, () =>
  fetch(`${platform.url}/healthz`).then((response) => response.arrayBuffer()),
);
const rawOverview = await measure("raw: overview SQL via postgres.js", runs, async () => {
  const [latest] = await raw`select max(as_of) as at from projections.system_reports`;
  return raw`select r.system_id, r.name, r.team, r.kind, r.risk_tier, r.as_of, a.axis, a.score, a.level,
    (select h.score from projections.score_history h where h.system_id = a.system_id and h.axis = a.axis
      and h.at <= ${latest!.at}::timestamptz - interval '30 days' order by h.at desc, h.id desc limit 1)
    from projections.system_reports r join projections.axis_scores a on a.system_id = r.system_id
    where not r.retired order by r.system_id, a.axis`;
});
const rawReport = await measure("raw: one stored report + history via postgres.js", runs, (run) =>
  Promise.all([
    raw`select report from projections.system_reports where system_id = ${systemIds[run % systemIds.length]!}`,
    raw`select * from projections.score_history where system_id = ${systemIds[run % systemIds.length]!} order by at, id`,
  ]),
);
const overview = await measure("org.overview (tRPC over HTTP, between changes)", runs, () =>
  get("org.overview", { trendDays: 30 }),
);
// Uncached: a trend period nobody has asked for yet, so the map is read from the tables.
const uncachedOverview = await measure("org.overview (uncached: read from the tables)", 60, (run) =>
  get("org.overview", { trendDays: 31 + (run % 300) }),
);
// A live organisation: a change lands every second (a notice, as the worker sends on commit) while
// people keep opening the map; the cache is cleared and reloaded ahead after each change.
const changes = setInterval(() => {
  void raw`select pg_notify('maturity_score_changes', '{"systemIds":null}')`;
}, 1_000);
const liveOverview = await measure(
  "org.overview (a change every second)",
  400,
  async () => {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
    const started = performance.now();
    await get("org.overview", { trendDays: 30 });
    return performance.now() - started;
  },
  true,
);
clearInterval(changes);
const report = await measure("system.report (tRPC over HTTP)", runs, (run) =>
  get("system.report", { systemId: systemIds[(run * 7919) % systemIds.length] }),
);
const risks = await measure("org.risks (tRPC over HTTP, top 100)", runs, () =>
  get("org.risks", { limit: 100 }),
);
const complianceOrg = await measure("compliance.org (tRPC over HTTP, between changes)", runs, () =>
  get("compliance.org", null),
);
// What each change costs: every system's clauses counted from the tables (the cache reloads it).
const clauses = rubricClauses(rubric).map((clause) => ({
  criteria: clause.criteria.map((c) => c.criterionId),
}));
const uncachedCompliance = await measure("compliance.org's count (uncached, in-process)", 30, () =>
  coverageByTier(platform.database.db, clauses),
);
const complianceSystem = await measure("compliance.system (tRPC over HTTP)", runs, (run) =>
  get("compliance.system", { systemId: systemIds[(run * 7919) % systemIds.length] }),
);
const ratio = (api: number, floor: number) => (api / floor).toFixed(1);
console.log(
  `\norg.overview  p95 ${overview.p95.toFixed(1)} ms between changes, ${liveOverview.p95.toFixed(1)} ms with a change every second (aim < 50 ms); ${ratio(overview.p50, noop.p50)}× an empty HTTP round trip. Uncached p95 ${uncachedOverview.p95.toFixed(1)} ms, ${ratio(uncachedOverview.p50, rawOverview.p50)}× the raw SQL's p50`,
);
console.log(
  `system.report p95 ${report.p95.toFixed(1)} ms (aim < 100 ms): ${ratio(report.p50, rawReport.p50)}× the raw SQL's p50`,
);
console.log(`org.risks     p95 ${risks.p95.toFixed(1)} ms`);
console.log(
  `compliance    org p95 ${complianceOrg.p95.toFixed(1)} ms between changes, ${uncachedCompliance.p95.toFixed(1)} ms uncached; system p95 ${complianceSystem.p95.toFixed(1)} ms`,
);
await raw.end();
await platform.close();
await rm(dataDir, { recursive: true, force: true });
