// The portal at enterprise scale: an organisation of 10,000 systems and over ten million events,
// loaded week by week through the worker's apply path into the real Postgres server (so the score
// history spans its six months), then every figure beside a raw limit measured in the same run:
// the org overview between changes and uncached, the org overview as of 90 days back, a system's
// report and evidence as of a date, the organisation page's first render in Chromium and finding a
// system by search, the portal's resident memory, and the periodic re-score of every system.
// Run: npm run bench:scale -w @maturity/web -- [systems=10000] [days=180] [llmCallsPerDay=8]
// (needs infra/up; not in CI). The organisation is kept in `maturity_bench_scale` while its size
// matches: the first load takes tens of minutes, later runs start at once.
import { axes } from "@maturity/model";
import { rescoreAll } from "@maturity/worker";
import { openDatabase } from "@maturity/db";
import postgres from "postgres";
import { launchChromium } from "../test/browser.ts";
import { ensureClientBuilt } from "../test/client-build.ts";
import {
  benchDatabase,
  rawOverviewSql,
  startBenchPortal,
  loadOrganisation,
  measure,
  ratio,
} from "./bench-kit.ts";
import { blankPageServer, timeTo } from "./browser-timing.ts";

const [systems = 10_000, days = 180, llmCallsPerDay = 8] = process.argv.slice(2).map(Number);
const end = Date.parse("2026-11-24T12:00:00.000Z");
const dayMs = 86_400_000;
const demo = { seed: 21, teams: Math.max(1, Math.round(systems / 20)), systems, days, llmCallsPerDay, end };
const label = `scale: ${systems} systems, ${days} days, ${llmCallsPerDay} LLM calls/day, weekly steps`;

ensureClientBuilt();
const benchUrl = await benchDatabase("maturity_bench_scale");
await loadOrganisation(benchUrl, demo, label, { stepDays: 7 });

const { platform, close } = await startBenchPortal(benchUrl);
const raw = postgres(benchUrl, { max: 2, onnotice: () => undefined });
const [counts] = await raw`select
  (select count(*) from events) as events, (select count(*) from telemetry_events) as telemetry,
  (select count(*) from projections.system_reports) as systems,
  (select count(*) from projections.score_history) as history`;
console.log(
  `organisation: ${Number(counts!.systems).toLocaleString("en")} systems, ${(Number(counts!.events) + Number(counts!.telemetry)).toLocaleString("en")} events (${Number(counts!.telemetry).toLocaleString("en")} telemetry), ${Number(counts!.history).toLocaleString("en")} score history rows\n`,
);
const systemIds = (await raw`select system_id from projections.system_reports order by system_id`).map(
  (row) => row.system_id as string,
);
const systemAt = (run: number) => systemIds[(run * 7919) % systemIds.length]!;
const get = async (procedure: string, input: unknown) => {
  const response = await fetch(
    `${platform.url}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
  );
  if (response.status !== 200) throw new Error(`${procedure} answered ${response.status}`);
  return response.arrayBuffer();
};
const iso = (ms: number) => new Date(ms).toISOString();
/** 90 days back, or half the history when it is shorter. */
const backDays = Math.min(90, Math.floor(days / 2));
const past = end - backDays * dayMs;

const noop = await measure("raw: HTTP round trip doing nothing (/healthz)", 200, () =>
  fetch(`${platform.url}/healthz`).then((response) => response.arrayBuffer()),
);
const rawOverview = await measure("raw: overview SQL via postgres.js", 30, () => rawOverviewSql(raw));
const cached = await measure("org.overview (between changes)", 200, () =>
  get("org.overview", { trendDays: 30 }),
);
// A trend period nobody asked for yet: read from the tables.
const uncached = await measure("org.overview (uncached)", 30, (run) =>
  get("org.overview", { trendDays: 31 + run }),
);

const rawAsOf = await measure("raw: history-as-of SQL via postgres.js", 30, (run) => {
  const at = iso(past + run * 1000);
  const then = iso(past + run * 1000 - 30 * dayMs);
  return raw`select s.system_id, s.catalogue, x.scores from projections.systems s
    join lateral (select jsonb_object_agg(a.axis, jsonb_build_array(h.score, h.level, t.score)) as scores
      from unnest(${axes as unknown as string[]}::text[]) as a(axis)
      join lateral (select score, level from projections.score_history
        where system_id = s.system_id and axis = a.axis and at <= ${at}::timestamptz
        order by at desc, id desc limit 1) h on true
      left join lateral (select score from projections.score_history
        where system_id = s.system_id and axis = a.axis and at <= ${then}::timestamptz
        order by at desc, id desc limit 1) t on true) x on x.scores is not null
    order by s.system_id`;
});
const asOf = await measure(`org.overview as of ${backDays} days back`, 30, (run) =>
  get("org.overview", { trendDays: 30, asOf: iso(past + run * 1000) }),
);

const rawSystemEvents = await measure(
  "raw: one system's events up to a date via postgres.js",
  100,
  (run) =>
    raw`select payload from events where system_id = ${systemAt(run)} and time <= ${iso(past)}::timestamptz
    union all select payload from telemetry_events where system_id = ${systemAt(run)} and time <= ${iso(past)}::timestamptz
    union all select payload from events where type = 'gpu.queue.configured' and time <= ${iso(past)}::timestamptz`,
);
const reportAsOf = await measure(`system.report as of ${backDays} days back`, 100, (run) =>
  get("system.report", { systemId: systemAt(run), asOf: iso(past) }),
);
const evidenceAsOf = await measure(`system.evidence as of ${backDays} days back`, 100, (run) =>
  get("system.evidence", {
    systemId: systemAt(run),
    criterionId: "deployment.l2.weekly-deploys",
    asOf: iso(past),
  }),
);

// The organisation page in Chromium: a cold first visit until the heat map's first row is on
// screen, beside a blank page; then finding one system by typing its name into the search.
const blank = await blankPageServer();
const browser = await launchChromium();
const heatmapRow = '[data-testid="heatmap"] tbody tr';
await timeTo(browser, blank.url, null);
await timeTo(browser, `${platform.url}/`, heatmapRow);
const blankRender = await measure(
  "raw: blank page in Chromium (cold)",
  10,
  () => timeTo(browser, blank.url, null),
  true,
);
const firstRender = await measure(
  "organisation page: heat map on screen (cold)",
  10,
  () => timeTo(browser, `${platform.url}/`, heatmapRow),
  true,
);
const teamOf = new Map(
  (await raw`select system_id, name, team from projections.system_reports`).map((row) => [
    row.system_id as string,
    { name: row.name as string, team: row.team as string },
  ]),
);
// Finding a system as a person would: type its name into the team panel's search, open its team.
const search = await measure(
  "organisation page: find a system by search",
  10,
  async (run) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${platform.url}/`);
    await page.locator(heatmapRow).first().waitFor();
    const { name, team } = teamOf.get(systemAt(run + 1))!;
    const started = performance.now();
    await page.getByLabel("Search systems and teams").fill(name);
    await page.getByRole("button", { name: `Show the systems of team ${team}`, exact: true }).click();
    await page.locator(`tr.group-system[data-team="${team}"]`).filter({ hasText: name }).first().waitFor();
    const took = performance.now() - started;
    await context.close();
    return took;
  },
  true,
);
await browser.close();
blank.server.close();
const rssMb = process.memoryUsage().rss / 1024 / 1024;

// The periodic re-score of every system, beside reading every system's stored facts.
const rawFacts = await measure(
  "raw: read every system's facts via postgres.js",
  3,
  () => raw`select system_id, facts from projections.system_facts`,
);
const worker = await openDatabase({ url: benchUrl });
const cpuBefore = process.cpuUsage();
const rescoreStarted = performance.now();
await rescoreAll(worker.db, end + 3_600_000);
const rescoreSeconds = (performance.now() - rescoreStarted) / 1000;
const cpu = process.cpuUsage(cpuBefore);
await worker.close();

console.log(`
${systems.toLocaleString("en")} systems:
  org overview       p95 ${cached.p95.toFixed(1)} ms between changes (aim < 50), ${ratio(cached.p50, noop.p50)} an empty round trip; uncached p95 ${uncached.p95.toFixed(1)} ms (aim < 300), ${ratio(uncached.p50, rawOverview.p50)} its raw SQL
  as of ${backDays} days back p95 ${asOf.p95.toFixed(1)} ms (aim < 1000), ${ratio(asOf.p50, rawAsOf.p50)} its raw SQL
  system as of       report p95 ${reportAsOf.p95.toFixed(1)} ms, evidence p95 ${evidenceAsOf.p95.toFixed(1)} ms (aim < 100), report ${ratio(reportAsOf.p50, rawSystemEvents.p50)} reading its events
  first render       p50 ${firstRender.p50.toFixed(0)} ms (aim < 1500), ${ratio(firstRender.p50, blankRender.p50)} a blank page; search finds a system in p50 ${search.p50.toFixed(0)} ms
  memory             ${rssMb.toFixed(0)} MB resident (aim < 600; the bench process, portal included)
  periodic re-score  ${rescoreSeconds.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU in Node, ${ratio(rescoreSeconds * 1000, rawFacts.p50)} reading every system's facts`);

await raw.end();
await close();
