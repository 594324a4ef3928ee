// A running platform on a temporary data folder, seeded with a realistic demo organisation.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DemoOptions } from "@maturity/demo";
import { startWithFirstRun } from "../src/server/first-run.ts";
import type { RunningPlatform } from "../src/server/platform.ts";
import { embeddedConfig } from "./embedded-config.ts";

export interface DemoPlatform {
  platform: RunningPlatform;
  systems: number;
  close(): Promise<void>;
}

export async function startDemoPlatform(demo: Omit<DemoOptions, "end">): Promise<DemoPlatform> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "maturity-portal-"));
  const started = await startWithFirstRun(
    { ...embeddedConfig(dataDir), demo },
    { reset: false, demo: true, progress: false },
  );
  return {
    platform: started.platform,
    systems: started.seeded?.systems ?? 0,
    async close() {
      await started.platform.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
