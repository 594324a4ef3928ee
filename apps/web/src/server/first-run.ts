// Start-up with the first-run experience: --reset wipes the embedded data folder, and an empty
// embedded platform is seeded with the demo organisation unless --no-demo.
import { mkdir, readdir, rm } from "node:fs/promises";
import { checkDemoOptions, type DemoOptions } from "@maturity/demo";
import { workerOptionsFrom } from "@maturity/worker";
import {
  demoCatalogueFolder,
  demoMarkerFile,
  readDemoMarker,
  seedDemo,
  type SeedClock,
  type SeedResult,
} from "./demo-seed.ts";
import { startPlatform, type RunningPlatform } from "./platform.ts";

export interface StartFlags {
  /** Delete the embedded data folder first. */
  reset: boolean;
  /** Do not seed the demo organisation. */
  demo: boolean;
  /** Draw progress bars on stderr. */
  progress: boolean;
}

export type FirstRunConfig = Parameters<typeof startPlatform>[0] & {
  demo: Omit<DemoOptions, "end">;
};

export interface StartResult {
  platform: RunningPlatform;
  /** What was seeded now; null when nothing was (already seeded, --no-demo, or not embedded). */
  seeded: SeedResult | null;
  /** Why nothing was seeded, for the start-up message. */
  skipped?: string;
}

// What the embedded platform keeps in its data folder; --reset refuses to delete anything else.
const ownEntries = new Set(["pglite", "log", demoMarkerFile, demoCatalogueFolder]);

export async function resetDataDir(dataDir: string): Promise<void> {
  const entries = await readdir(dataDir).catch(() => [] as string[]);
  const foreign = entries.filter((entry) => !ownEntries.has(entry));
  if (foreign.length > 0) {
    throw new Error(
      `--reset refuses to delete ${dataDir}: it holds files the platform did not create (${foreign.slice(0, 5).join(", ")})`,
    );
  }
  await rm(dataDir, { recursive: true, force: true });
}

export async function startWithFirstRun(config: FirstRunConfig, flags: StartFlags): Promise<StartResult> {
  const embedded = config.DATABASE_URL === undefined && !config.kafkaBrokers?.length;
  if (flags.reset) {
    if (!embedded)
      throw new Error("--reset only applies to the embedded mode (no DATABASE_URL or KAFKA_BROKERS)");
    await resetDataDir(config.MATURITY_DATA_DIR);
  }
  await mkdir(config.MATURITY_DATA_DIR, { recursive: true });
  // While the demo is seeded the worker's clock walks along its history (see seedDemo); then it is
  // the wall clock, or WORKER_FIXED_CLOCK's.
  const seedClock: SeedClock = { at: null };
  const settledClock = workerOptionsFrom(config).clock ?? Date.now;
  const platform = await startPlatform({ ...config, workerClock: () => seedClock.at ?? settledClock() });
  if (!embedded) return { platform, seeded: null, skipped: "the demo is seeded only in the embedded mode" };
  if (!flags.demo) return { platform, seeded: null, skipped: "--no-demo" };
  const marker = await readDemoMarker(config.MATURITY_DATA_DIR);
  if (marker !== null) return { platform, seeded: null, skipped: `seeded on ${marker.seededAt}` };
  try {
    // The history ends now, so the portal's scores are current on the first page view.
    const options = checkDemoOptions({ ...config.demo, end: Math.floor(Date.now() / 1000) * 1000 });
    const seeded = await seedDemo(platform, config.MATURITY_DATA_DIR, options, flags.progress, seedClock);
    return { platform, seeded };
  } catch (error) {
    await platform.close();
    throw error;
  }
}
