import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createScratchDatabase, testDatabaseUrl } from "@maturity/db/testing";
import { testKafkaBrokers } from "@maturity/log/testing";
import type { startPlatform } from "../src/server/platform.ts";
import { distributedConfig } from "./distributed-config.ts";
import { embeddedConfig } from "./embedded-config.ts";

/** One way the platform runs, for suites that must hold on both (describe.each over them). */
export interface PlatformPath {
  path: string;
  /** The platform's configuration on this path, and how to clean up after it. */
  prepare(): Promise<{ config: Parameters<typeof startPlatform>[0]; cleanup(): Promise<void> }>;
}

/**
 * The embedded path (PGlite and the file log in a temp folder) and the distributed one (a scratch
 * database on the Postgres server and a topic of its own on the Kafka broker), named after `name`.
 */
export function platformPaths(name: string): PlatformPath[] {
  return [
    {
      path: "embedded (PGlite and the file log)",
      async prepare() {
        const dataDir = await mkdtemp(path.join(tmpdir(), `maturity-${name}-`));
        return {
          config: embeddedConfig(dataDir),
          cleanup: () => rm(dataDir, { recursive: true, force: true }),
        };
      },
    },
    {
      path: "distributed (the Postgres server and the Kafka broker)",
      async prepare() {
        const scratch = await createScratchDatabase(testDatabaseUrl);
        return {
          config: distributedConfig(
            scratch.url,
            testKafkaBrokers,
            `${name}-${randomBytes(4).toString("hex")}`,
          ),
          cleanup: () => scratch.drop(),
        };
      },
    },
  ];
}
