// The embedded first run: on an empty data folder, fill the platform with the demo organisation
// through the same event log ingest writes to, and wait until the worker has applied all of it.
// A marker file in the data folder records that it happened, so restarts do not seed again.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { newProgress, organisationHistory, planOrganisation, type DemoOptions } from "@maturity/demo";
import type { LogRecord } from "@maturity/log";
import cliProgress from "cli-progress";
import type { RunningPlatform } from "./platform.ts";

export const demoMarkerFile = "demo-seeded.json";
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

export interface SeedResult {
  events: number;
  systems: number;
  seconds: number;
}

/**
 * Appends the demo history to the platform's log and resolves once the worker has applied every
 * event. Safe to interrupt: without the marker the next start seeds again, and the event store
 * ignores what it already holds (dedup on source and id).
 */
export async function seedDemo(
  platform: Pick<RunningPlatform, "log" | "worker">,
  dataDir: string,
  options: DemoOptions,
  showProgress: boolean,
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
    let batch: LogRecord[] = [];
    for (const event of organisationHistory(plan, options, progress)) {
      batch.push({ key: event.subject, value: JSON.stringify(event) });
      if (batch.length === appendBatch) {
        // Waiting for each durable append paces generation to the log (and keeps memory flat).
        await platform.log.append(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await platform.log.append(batch);
    while (processed(worker.metrics) - appliedAtStart < progress.eventsDone) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The portal's team and org views read the rollups; have them current before saying "ready".
    await worker.refreshRollupsNow();
    refresh();
  } finally {
    clearInterval(ticker);
    bars.stop();
  }
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
