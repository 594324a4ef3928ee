import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedConfig } from "../../test/embedded-config.ts";
import { checkIngestFlow } from "../../test/ingest-flow.ts";
import { checkLiveScoreChanges } from "../../test/live-flow.ts";
import type { RunningPlatform } from "./platform.ts";
import { startPlatform } from "./platform.ts";

describe("embedded mode (PGlite and the file log in one process)", () => {
  let dataDir: string;
  let platform: RunningPlatform;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "maturity-embedded-"));
    platform = await startPlatform(embeddedConfig(dataDir));
  });

  afterAll(async () => {
    await platform?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("runs on PGlite and the embedded log", () => {
    expect(platform.mode).toBe("embedded");
    expect(platform.database.driver).toBe("pglite");
    expect(platform.log.kind).toBe("embedded");
  });

  it("answers /readyz and /healthz", async () => {
    expect((await fetch(`${platform.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${platform.url}/healthz`)).status).toBe(200);
  });

  it("stores a posted event once, shows it over tRPC, and refuses invalid input", async () => {
    await checkIngestFlow(platform.url, "support-assistant");
  });

  it("pushes a score change to an open live subscription", async () => {
    await checkLiveScoreChanges(platform.url, "live-assistant");
  });
});
