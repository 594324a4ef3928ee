// The embedded first run: on an empty data folder, fill the platform with the demo organisation
// through the same event log ingest writes to, and wait until the worker has applied all of it.
// A marker file in the data folder records that it happened, so restarts do not seed again.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { readEntityFiles } from "@maturity/backstage";
import {
  demoCampaigns,
  demoCatalogueYaml,
  demoPagerDutyDelivery,
  newProgress,
  organisationHistory,
  planOrganisation,
  type DemoEvent,
  type DemoOptions,
  type OrganisationPlan,
} from "@maturity/demo";
import { compactAfterBulkLoad } from "@maturity/db";
import { eventOfDraft, mapPagerdutyDelivery } from "@maturity/ingest";
import type { LogRecord } from "@maturity/log";
import { campaignsSubject, sourcesKeyOf, type MaturityEvent } from "@maturity/model";
import { planStoredImport } from "./imports/backstage-import.ts";
import { adminEvent } from "./routers/admin-event.ts";
import cliProgress from "cli-progress";
import type { RunningPlatform } from "./platform.ts";

export const demoMarkerFile = "demo-seeded.json";
/** Where the first run writes the demo's Backstage catalogue file before importing it. */
export const demoCatalogueFolder = "demo-catalogue";
const appendBatch = 500;

export interface DemoMarker {
  seededAt: string;
  options: DemoOptions;
  events: number;
}

export async function readDemoMarker(dataDir: string): Promise<DemoMarker | null> {
  try {
    return JSON.parse(await readFile(path.join(dataDir, demoMarkerFile), "utf8")) as DemoMarker;
  } catch {
    return null;
  }
}

/** The worker's clock while seeding: null is the real time. */
export interface SeedClock {
  at: number | null;
}

// The seeding clock's step: a week gives the weekly executive series and 30-day trends their
// movement while keeping the first run short (every step re-scores every system it touched).
const stepMs = 7 * 86_400_000;

export interface SeedResult {
  events: number;
  systems: number;
  seconds: number;
}

/**
 * Appends the demo history to the platform's log a week at a time, with the worker's clock at the
 * end of that week, and resolves once the worker has applied every event. The scores then change
 * when the evidence says they did, so the history charts and trends show the months the demo
 * covers rather than one jump at start-up: the same as backfilling real tools' past events.
 * Safe to interrupt: without the marker the next start seeds again, and the event store ignores
 * what it already holds (dedup on source and id).
 */
export async function seedDemo(
  platform: Pick<RunningPlatform, "log" | "worker" | "database">,
  dataDir: string,
  options: DemoOptions,
  showProgress: boolean,
  clock: SeedClock = { at: null },
): Promise<SeedResult> {
  const worker = platform.worker;
  if (worker === undefined) throw new Error("seeding the demo needs the worker role in this process");
  const started = performance.now();
  const plan = planOrganisation(options);
  const progress = newProgress();
  const appliedAtStart = processed(worker.metrics);
  const bars = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: "  {stage} {bar} {value}/{total} {unit}",
      hideCursor: true,
      clearOnComplete: false,
      noTTYOutput: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const generated = showProgress
    ? bars.create(plan.systems.length, 0, { stage: "generating", unit: "systems" })
    : undefined;
  const applied = showProgress ? bars.create(1, 0, { stage: "applying  ", unit: "events" }) : undefined;
  const refresh = () => {
    generated?.update(progress.systemsDone);
    applied?.setTotal(Math.max(1, progress.eventsDone));
    applied?.update(processed(worker.metrics) - appliedAtStart);
  };
  const ticker = setInterval(refresh, 200);
  try {
    const catalogue = await importDemoCatalogue(platform, dataDir, plan, options);
    const history = [...organisationHistory(plan, options, progress)].filter(
      (event) => event.type !== "catalog.system.registered",
    );
    const incidents = await asPagerDutyDeliveries(history, catalogue);
    // Time order across systems (the generator goes system by system); the first run's scale fits.
    const events: (DemoEvent | MaturityEvent)[] = [...catalogue, ...incidents, ...campaigns(options)].sort(
      (a, b) => Date.parse(a.time) - Date.parse(b.time),
    );
    let appended = 0;
    for (let start = 0; start < events.length;) {
      const stepEnd = Math.min(
        options.end,
        (Math.floor(Date.parse(events[start]!.time) / stepMs) + 1) * stepMs,
      );
      let end = start;
      while (end < events.length && Date.parse(events[end]!.time) <= stepEnd) end += 1;
      end = Math.max(end, start + 1); // an event past the end still goes in (scored as of the end)
      clock.at = stepEnd;
      // Within a step, system by system: each batch the worker takes then touches few systems,
      // so it re-scores each system about once per step instead of once per batch.
      const step = events
        .slice(start, end)
        .sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
      for (let from = 0; from < step.length; from += appendBatch) {
        const records: LogRecord[] = step
          .slice(from, from + appendBatch)
          .map((event) => ({ key: event.subject, value: JSON.stringify(event) }));
        await platform.log.append(records);
      }
      appended += end - start;
      // The step is applied before the clock moves on.
      while (processed(worker.metrics) - appliedAtStart < appended) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      start = end;
    }
    clock.at = null;
    // From the history's last day to now: the evidence window moves on without new events.
    await worker.rescoreNow();
    // The portal's team and org views read the rollups; have them current before saying "ready".
    await worker.refreshRollupsNow();
    refresh();
  } finally {
    clearInterval(ticker);
    bars.stop();
  }
  // The load left dead row versions and ~2 KB of WAL per event in the data folder: PGlite runs no
  // autovacuum or checkpointer to give them back.
  await compactAfterBulkLoad(platform.database.db);
  const marker: DemoMarker = { seededAt: new Date().toISOString(), options, events: progress.eventsDone };
  await writeFile(path.join(dataDir, demoMarkerFile), `${JSON.stringify(marker, null, 2)}\n`);
  return {
    events: progress.eventsDone,
    systems: plan.systems.length,
    seconds: (performance.now() - started) / 1000,
  };
}

function processed(metrics: {
  eventsApplied: number;
  duplicatesIgnored: number;
  deadLettered: number;
}): number {
  return metrics.eventsApplied + metrics.duplicatesIgnored + metrics.deadLettered;
}

/**
 * The demo's catalogue, the way a platform team brings its own: the generator writes it as a
 * Backstage catalog-info.yaml in the data folder, and the import reads that file. Its events are
 * dated where the history registers its systems, so the scores' history starts registered.
 */
async function importDemoCatalogue(
  platform: Pick<RunningPlatform, "database">,
  dataDir: string,
  plan: OrganisationPlan,
  options: DemoOptions,
): Promise<MaturityEvent[]> {
  const folder = path.join(dataDir, demoCatalogueFolder);
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, "catalog-info.yaml");
  await writeFile(file, demoCatalogueYaml(plan));
  const read = await readEntityFiles([file]);
  // Planned only: the seeding appends these with the history, a week at a time.
  const imported = await planStoredImport(platform.database.db, {
    entities: read.entities,
    problems: read.problems,
    location: demoCatalogueFolder,
    retireMissing: false,
    now: new Date(demoRegistrationTime(options)),
  });
  if (imported.summary.skipped.length > 0)
    throw new Error(
      `the demo catalogue did not import cleanly (a bug in the demo generator): ${imported.summary.skipped.map((problem) => problem.reason).join("; ")}`,
    );
  return imported.events;
}

/**
 * The demo's campaigns, defined by an admin called "demo" four weeks before the history ends (the
 * way a leader would set one; its progress is read from the whole history all the same).
 */
function campaigns(options: DemoOptions): MaturityEvent[] {
  const time = new Date(options.end - 28 * 86_400_000).toISOString();
  return demoCampaigns(options).map((campaign) =>
    adminEvent("campaign.defined", campaignsSubject, "campaign-defined", { actor: "demo", campaign }, time),
  );
}

/** When the history registers its systems (organisationHistory): two days before its first. */
function demoRegistrationTime(options: DemoOptions): number {
  return options.end - (options.days + 2) * 86_400_000;
}

/**
 * The history's incidents, replaced by what PagerDuty would send for them, mapped by the
 * PagerDuty route's own code: the incidents reach their systems through the services the
 * imported catalogue claims, as a team's real incidents do.
 */
async function asPagerDutyDeliveries(
  history: DemoEvent[],
  catalogue: MaturityEvent[],
): Promise<(DemoEvent | MaturityEvent)[]> {
  const serviceOwner = new Map<string, string>();
  for (const event of catalogue)
    if (event.type === "catalog.system.registered")
      for (const service of event.data.sources?.[sourcesKeyOf("service")] ?? [])
        serviceOwner.set(service, event.subject);
  const resolve = (ref: { kind: string; id: string }) =>
    ref.kind === "service" ? serviceOwner.get(ref.id) : undefined;
  const out: (DemoEvent | MaturityEvent)[] = [];
  for (const event of history) {
    const delivery = demoPagerDutyDelivery(event);
    if (delivery === undefined) {
      out.push(event);
      continue;
    }
    const mapped = mapPagerdutyDelivery({ payload: delivery, now: new Date(event.time) });
    for (const draft of mapped.drafts) {
      const drafted = await eventOfDraft(draft, resolve);
      if (!drafted.ok)
        throw new Error(`a demo incident maps to an invalid event: ${JSON.stringify(drafted.issues)}`);
      out.push(drafted.event);
    }
  }
  return out;
}
