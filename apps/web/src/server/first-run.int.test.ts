// The embedded first run end to end: a fresh data folder is seeded with the demo organisation,
// a restart keeps it without seeding again, --no-demo starts empty, --reset starts over.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { embeddedConfig } from "../../test/embedded-config.ts";
import { trpcClientFor } from "../../test/ingest-flow.ts";
import { rowsOf, sql } from "@maturity/db";
import { demoCatalogueFolder } from "./demo-seed.ts";
import { resetDataDir, startWithFirstRun, type FirstRunConfig, type StartFlags } from "./first-run.ts";

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "maturity-first-run-"));
  dirs.push(dir);
  return dir;
}

function configFor(dataDir: string): FirstRunConfig {
  return {
    ...embeddedConfig(dataDir),
    demo: { seed: 4, teams: 3, systems: 8, days: 21, llmCallsPerDay: 2 },
  };
}

const withDemo: StartFlags = { reset: false, demo: true, progress: false };

/** Bytes of the files under `dir`, as `du --apparent-size` counts them. */
async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  return total;
}

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("the embedded first run", () => {
  it("seeds a fresh data folder, serves the systems, and does not seed again on restart", async () => {
    const dataDir = await tempDir();
    const first = await startWithFirstRun(configFor(dataDir), withDemo);
    try {
      expect(first.seeded?.systems).toBe(8);
      expect(first.seeded?.events).toBeGreaterThan(100);
      const systems = await trpcClientFor(first.platform.url).systems.list.query();
      expect(systems).toHaveLength(8);
      expect(new Set(systems.map((s) => s.kind))).toEqual(new Set(["classical", "llm", "agent"]));
      // Scores changed when the evidence says they did: history spans the demo's three weeks.
      const report = await trpcClientFor(first.platform.url).system.report.query({
        systemId: systems[0]!.systemId,
      });
      const times = report.history.map((row) => Date.parse(row.at));
      expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(7 * 86_400_000);
      expect(Math.max(...times)).toBeLessThanOrEqual(Date.now());
      // The catalogue came through the Backstage import of the file the generator wrote, and the
      // incidents through the PagerDuty mapping, routed by the services the catalogue claims.
      const stored = rowsOf<{ source: string; type: string; system_id: string; unmapped: string | null }>(
        await first.platform.database.db.execute(sql`
          select source, type, system_id, payload->>'unmappedref' as unmapped from events
          where type like 'catalog.system.%' or type like 'incident.%'`),
      );
      const catalogue = stored.filter((row) => row.type.startsWith("catalog."));
      expect(catalogue).toHaveLength(8);
      expect(new Set(catalogue.map((row) => `${row.source} ${row.type}`))).toEqual(
        new Set(["backstage:demo-catalogue catalog.system.registered"]),
      );
      const incidents = stored.filter((row) => row.type.startsWith("incident."));
      expect(incidents.length).toBeGreaterThan(0);
      for (const row of incidents) {
        expect(row.source).toBe("https://demo-org.pagerduty.com");
        expect(systems.map((s) => s.systemId)).toContain(row.system_id);
      }
      expect(await readFile(path.join(dataDir, demoCatalogueFolder, "catalog-info.yaml"), "utf8")).toMatch(
        /kind: Component/,
      );
      // The demo's campaign was defined by an admin event the worker applied, and reads as any other.
      const campaigns = await trpcClientFor(first.platform.url).campaigns.list.query();
      expect(campaigns.map((c) => [c.campaign.id, c.status, c.definedBy])).toEqual([
        ["llm-evaluation-l3", "open", "demo"],
      ]);
      // The seeding ended with a checkpoint that deleted the write-ahead log behind it (PGlite runs
      // no checkpointer): without it pg_wal keeps every segment the load wrote.
      const wal = await folderBytes(path.join(dataDir, "pglite", "pg_wal"));
      console.log(
        `first run: data folder ${(await folderBytes(dataDir)) >> 20} MB, pg_wal ${wal >> 20} MB, ` +
          `${first.seeded?.events} events`,
      );
      expect(wal).toBeLessThanOrEqual(2 << 20);
    } finally {
      await first.platform.close();
    }

    const second = await startWithFirstRun(configFor(dataDir), withDemo);
    try {
      expect(second.seeded).toBeNull();
      expect(second.skipped).toMatch(/^seeded on /);
      expect(await trpcClientFor(second.platform.url).systems.list.query()).toHaveLength(8);
    } finally {
      await second.platform.close();
    }

    // --reset wipes the folder and seeds again.
    const third = await startWithFirstRun(configFor(dataDir), { ...withDemo, reset: true });
    try {
      expect(third.seeded?.systems).toBe(8);
    } finally {
      await third.platform.close();
    }
  });

  it("starts empty with --no-demo", async () => {
    const dataDir = await tempDir();
    const started = await startWithFirstRun(configFor(dataDir), { ...withDemo, demo: false });
    try {
      expect(started.seeded).toBeNull();
      expect(started.skipped).toBe("--no-demo");
      expect(await trpcClientFor(started.platform.url).systems.list.query()).toEqual([]);
    } finally {
      await started.platform.close();
    }
  });

  it("--reset refuses to delete a folder holding files the platform did not create", async () => {
    const dataDir = await tempDir();
    await writeFile(path.join(dataDir, "thesis.tex"), "precious");
    await expect(resetDataDir(dataDir)).rejects.toThrow(/refuses to delete .*thesis\.tex/);
  });
});
