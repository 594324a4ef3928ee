// Portal API latency on a large organisation: org overview and system report, p50/p95 over HTTP
// (tRPC on fastify, real Postgres), beside the raw limits measured in the same run: the same
// overview SQL straight through postgres.js, and an HTTP round trip that does no work (/healthz).
// Run: npm run bench:api -w @maturity/web -- [systems=2000] [days=90] [llmCallsPerDay=20]
// (needs infra/up). The loaded organisation is kept in the database `maturity_bench_api` and
// reused while its size matches, since loading millions of events takes minutes.
import postgres from "postgres";
import { rubric } from "@maturity/model/rubric";
import { coverageByTier } from "../src/server/routers/compliance-reads.ts";
import { rubricClauses } from "../src/server/routers/compliance-views.ts";
import { benchDatabase, rawOverviewSql, startBenchPortal, loadOrganisation, measure } from "./bench-kit.ts";

const [systems = 2_000, days = 90, llmCallsPerDay = 20] = process.argv.slice(2).map(Number);
const end = Date.parse("2026-11-24T12:00:00.000Z");
const demo = { seed: 11, teams: Math.max(1, Math.round(systems / 7)), systems, days, llmCallsPerDay, end };
const label = `${systems} systems, ${days} days, ${llmCallsPerDay} LLM calls/day`;
const benchUrl = await benchDatabase("maturity_bench_api");
await loadOrganisation(benchUrl, demo, label);
const { platform, close } = await startBenchPortal(benchUrl);
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
const rawOverview = await measure("raw: overview SQL via postgres.js", runs, () => rawOverviewSql(raw));
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
await close();
