// What the portal benches share: a database of their own on the test server, an organisation
// loaded into it through the worker's apply path (kept while its size matches, since loading
// millions of events takes minutes), and p50/p95 of a repeated call.
import { createReadStream } from "node:fs";
import { appendFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { openDatabase, sql, type Database } from "@maturity/db";
import { testDatabaseUrl } from "@maturity/db/testing";
import { newProgress, organisationHistory, planOrganisation, type DemoOptions } from "@maturity/demo";
import { percentile } from "@maturity/scoring";
import { applyBatch, refreshRollups } from "@maturity/worker";
import postgres from "postgres";
import { readEnv } from "../src/server/env.ts";
import { startPlatform, type RunningPlatform } from "../src/server/platform.ts";

const applyBatchSize = 5_000;

/** The URL of the bench's own database on the test server (created when missing). */
export async function benchDatabase(name: string): Promise<string> {
  const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => undefined });
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (exists === undefined) await admin.unsafe(`create database ${name}`);
  await admin.end();
  return testDatabaseUrl.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
}

async function loadedLabel(db: Database): Promise<string | null> {
  const result = await db
    .execute(sql`select obj_description(to_regclass('projections.system_reports')) as label`)
    .catch(() => null);
  if (result === null) return null;
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return (rows[0] as { label: string | null } | undefined)?.label ?? null;
}

/**
 * Loads the demo organisation `demo` into the database at `url` through the worker's apply path,
 * unless it already holds the one `label` names. With `stepDays`, the events go in one step of
 * days at a time with the worker's clock at the step's end (as the first run seeds), so the score
 * history spans the months the demo covers; without, in the generator's order, clock following.
 */
export async function loadOrganisation(
  url: string,
  demo: DemoOptions,
  label: string,
  options: { stepDays?: number } = {},
): Promise<{ reused: boolean; events: number; seconds: number }> {
  const existing = await openDatabase({ url });
  if ((await loadedLabel(existing.db)) === label) {
    console.log(`reusing the loaded organisation (${label})`);
    await existing.close();
    return { reused: true, events: 0, seconds: 0 };
  }
  await existing.db.execute(sql.raw("drop schema if exists projections cascade"));
  await existing.db.execute(sql.raw("drop schema if exists drizzle cascade"));
  await existing.db.execute(sql.raw("drop schema public cascade; create schema public"));
  await existing.close();
  const fresh = await openDatabase({ url });
  const started = performance.now();
  let loaded = 0;
  const apply = async (values: string[], clock: number) => {
    const records = values.map((value, index) => ({ key: "", value, position: `bench@${loaded + index}` }));
    await applyBatch(fresh.db, records, clock);
    loaded += values.length;
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(
      `\rloading: ${loaded.toLocaleString("en")} events, ${Math.round(loaded / seconds).toLocaleString("en")} ev/s   `,
    );
  };
  const history = organisationHistory(planOrganisation(demo), demo, newProgress());
  if (options.stepDays === undefined) {
    let batch: string[] = [];
    let lastTime = 0;
    for (const event of history) {
      batch.push(JSON.stringify(event));
      lastTime = Math.max(lastTime, Date.parse(event.time));
      if (batch.length >= applyBatchSize) {
        await apply(batch, lastTime);
        batch = [];
      }
    }
    if (batch.length > 0) await apply(batch, lastTime);
  } else {
    await applyInSteps(history, demo, options.stepDays * 86_400_000, apply);
  }
  await refreshRollups(fresh.db, demo.end);
  await fresh.db.execute(sql.raw(`comment on table projections.system_reports is '${label}'`));
  process.stderr.write("\n");
  const seconds = (performance.now() - started) / 1000;
  console.log(`loaded ${loaded.toLocaleString("en")} events in ${seconds.toFixed(0)} s`);
  await fresh.close();
  return { reused: false, events: loaded, seconds };
}

/**
 * The generator goes system by system; the steps need time order. Each step's events are written
 * to a file of their own (in the generator's order, so a batch touches few systems), then applied
 * step by step: memory stays flat however many millions of events there are.
 */
async function applyInSteps(
  history: Iterable<{ time: string }>,
  demo: DemoOptions,
  stepMs: number,
  apply: (values: string[], clock: number) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "maturity-bench-steps-"));
  const start = demo.end - demo.days * 86_400_000;
  const steps = Math.ceil((demo.end - start) / stepMs);
  const buffers: string[][] = Array.from({ length: steps }, () => []);
  const fileOf = (step: number) => path.join(dir, `step-${String(step).padStart(4, "0")}.ndjson`);
  const flush = async (step: number) => {
    await appendFile(fileOf(step), buffers[step]!.join(""));
    buffers[step] = [];
  };
  try {
    let written = 0;
    for (const event of history) {
      const step = Math.min(steps - 1, Math.max(0, Math.floor((Date.parse(event.time) - start) / stepMs)));
      buffers[step]!.push(`${JSON.stringify(event)}\n`);
      if (buffers[step]!.length >= 2_000) await flush(step);
      if (++written % 100_000 === 0)
        process.stderr.write(`\rgenerating: ${written.toLocaleString("en")} events   `);
    }
    for (let step = 0; step < steps; step++) await flush(step);
    for (let step = 0; step < steps; step++) {
      const clock = Math.min(demo.end, start + (step + 1) * stepMs);
      let batch: string[] = [];
      for await (const line of createInterface({ input: createReadStream(fileOf(step)) })) {
        if (line === "") continue;
        batch.push(line);
        if (batch.length >= applyBatchSize) {
          await apply(batch, clock);
          batch = [];
        }
      }
      if (batch.length > 0) await apply(batch, clock);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** p50 and p95 of `runs` calls after five unmeasured ones; `timesItself`: `once` returns the time to count. */
export async function measure(
  what: string,
  runs: number,
  once: (run: number) => Promise<unknown>,
  timesItself = false,
): Promise<{ p50: number; p95: number }> {
  for (let run = 0; run < 5; run += 1) await once(run); // warm-up
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const result = await once(run);
    samples.push(timesItself ? (result as number) : performance.now() - started);
  }
  const [p50, p95] = [percentile(samples, 0.5)!, percentile(samples, 0.95)!];
  console.log(
    `${what.padEnd(56)} p50 ${p50.toFixed(1).padStart(8)} ms   p95 ${p95.toFixed(1).padStart(8)} ms`,
  );
  return { p50, p95 };
}

/** The portal alone (no worker) over the bench's database, on a free port and a scratch data folder. */
export async function startBenchPortal(
  url: string,
): Promise<{ platform: RunningPlatform; close: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "maturity-bench-portal-"));
  const platform = await startPlatform({
    ...readEnv({}),
    PORT: 0,
    HOST: "127.0.0.1",
    MATURITY_DATA_DIR: dataDir,
    DATABASE_URL: url,
    kafkaBrokers: undefined,
    MATURITY_ROLES: ["web"],
    LOG_LEVEL: "warn",
  });
  return {
    platform,
    async close() {
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The org overview's SQL (the current map with each score 30 days before) straight through postgres.js. */
export async function rawOverviewSql(raw: postgres.Sql) {
  const [latest] = await raw`select max(as_of) as at from projections.system_reports`;
  return raw`select r.system_id, r.name, r.team, r.kind, r.risk_tier, r.as_of, a.axis, a.score, a.level,
    (select h.score from projections.score_history h where h.system_id = a.system_id and h.axis = a.axis
      and h.at <= ${latest!.at}::timestamptz - interval '30 days' order by h.at desc, h.id desc limit 1)
    from projections.system_reports r join projections.axis_scores a on a.system_id = r.system_id
    where not r.retired order by r.system_id, a.axis`;
}

/** "3.2×": a figure as a multiple of its raw limit. */
export const ratio = (figure: number, limit: number) => `${(figure / limit).toFixed(1)}×`;
