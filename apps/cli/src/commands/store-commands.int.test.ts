import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openDatabase, sql } from "@maturity/db";
import type { DatabaseHandle } from "@maturity/db";
import { createScratchDatabase, dumpProjections, testDatabaseUrl } from "@maturity/db/testing";
import type { ScratchDatabase } from "@maturity/db/testing";
import { applyBatch, refreshRollups } from "@maturity/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../test/run-cli.ts";

const lines = readFileSync(new URL("../../examples/scenarios.ndjson", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "");

describe("maturity replay and verify-chain on the real Postgres server", () => {
  let scratch: ScratchDatabase;
  let store: DatabaseHandle;

  beforeAll(async () => {
    scratch = await createScratchDatabase(testDatabaseUrl);
    store = await openDatabase({ url: scratch.url });
    let clock = 0;
    for (let start = 0; start < lines.length; start += 200) {
      const records = lines
        .slice(start, start + 200)
        .map((value, index) => ({ key: "", value, position: `f@${start + index}` }));
      clock = Date.parse("2026-11-24T00:00:00Z") + start;
      await applyBatch(store.db, records, clock);
    }
    await refreshRollups(store.db, clock);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await scratch?.drop();
  });

  it("verify-chain reports every chain intact", () => {
    const result = runCli(["verify-chain", "--database-url", scratch.url]);
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ok: \d+ events in \d+ chains verified/);
  });

  it("replay rebuilds the projections, reports its count, and changes nothing that was right", async () => {
    const before = await dumpProjections(store.db);
    const result = runCli(["replay", "--database-url", scratch.url]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`^replayed ${lines.length} events into projections of 8 systems`),
    );
    expect(result.stderr).toContain("replay |");
    expect(before.rollups!.length).toBeGreaterThan(1);
    expect(await dumpProjections(store.db)).toEqual(before);
  });

  it("rubric preview against the store gives what the same events give from a file", () => {
    const policy = fileURLToPath(
      new URL("../../../../examples/policies/regulated-bank.yaml", import.meta.url),
    );
    const events = fileURLToPath(new URL("../../examples/scenarios.ndjson", import.meta.url));
    const asOf = ["--as-of", "2026-11-24T00:00:00Z", "--json"];
    const fromStore = runCli(["rubric", "preview", policy, "--database-url", scratch.url, ...asOf]);
    const fromFile = runCli(["rubric", "preview", policy, events, ...asOf]);
    expect(fromStore.status, fromStore.stderr).toBe(0);
    expect(fromFile.status, fromFile.stderr).toBe(0);
    expect(JSON.parse(fromStore.stdout)).toEqual(JSON.parse(fromFile.stdout));
    expect(JSON.parse(fromStore.stdout).changes.length).toBeGreaterThan(0);
    const both = runCli(["rubric", "preview", policy, events, "--database-url", scratch.url]);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("not both");
  });

  it("verify-chain names the altered event and exits 1", async () => {
    const [row] = (await store.db.execute(
      sql`select system_id, event_id from events where type = 'deploy.completed' order by seq limit 1`,
    )) as unknown as { system_id: string; event_id: string }[];
    await store.db.execute(
      sql`update events set payload = jsonb_set(payload, '{data,version}', '"forged"') where event_id = ${row!.event_id}`,
    );
    const result = runCli(["verify-chain", "--database-url", scratch.url, "--system", row!.system_id]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`BROKEN: system ${row!.system_id}`);
    expect(result.stdout).toContain(row!.event_id);
    expect(result.stdout).toContain("altered");
  });

  it("every store command has --help", () => {
    for (const command of ["replay", "verify-chain"]) {
      const result = runCli([command, "--help"]);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Usage: maturity ${command}`);
    }
  });
});
