// maturity audit-pack against the real Postgres server: the pack's chain head is the stored one,
// a pack from the store verifies, it scores under the policy in force at its time, and a stored
// chain that does not hold stops the pack.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readPackFiles } from "@maturity/audit";
import type { Manifest } from "@maturity/audit";
import type { DatabaseHandle } from "@maturity/db";
import { openDatabase, rowsOf, sql, storedChainHeadAsOf } from "@maturity/db";
import { createScratchDatabase, testDatabaseUrl } from "@maturity/db/testing";
import type { ScratchDatabase } from "@maturity/db/testing";
import { loadPolicyFile } from "@maturity/policy";
import { activationEvent, applyBatch } from "@maturity/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../test/run-cli.ts";

const eventsFile = fileURLToPath(new URL("../../examples/scenarios.ndjson", import.meta.url));
const policyFile = fileURLToPath(
  new URL("../../../../examples/policies/regulated-bank.yaml", import.meta.url),
);
const lines = readFileSync(eventsFile, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "");
const activatedAt = "2026-09-01T00:00:00Z";

describe("maturity audit-pack on the real Postgres server", () => {
  let scratch: ScratchDatabase;
  let store: DatabaseHandle;
  const dir = mkdtempSync(join(tmpdir(), "maturity-audit-int-"));

  function pack(args: string[], name: string) {
    const out = join(dir, name);
    const result = runCli(["audit-pack", ...args, "--out", out]);
    const files = result.status === 0 ? readPackFiles(new Uint8Array(readFileSync(out))) : new Map();
    const manifest = files.has("manifest.json")
      ? (JSON.parse(new TextDecoder().decode(files.get("manifest.json"))) as Manifest)
      : undefined;
    return { ...result, out, files, manifest };
  }
  const fromStore = (systemId: string, asOf: string, name: string) =>
    pack([systemId, "--database-url", scratch.url, "--as-of", asOf], name);

  beforeAll(async () => {
    scratch = await createScratchDatabase(testDatabaseUrl);
    store = await openDatabase({ url: scratch.url });
    for (let start = 0; start < lines.length; start += 200) {
      const records = lines
        .slice(start, start + 200)
        .map((value, index) => ({ key: "", value, position: `f@${start + index}` }));
      await applyBatch(store.db, records, Date.parse("2026-11-24T00:00:00Z") + start);
    }
    const read = await loadPolicyFile(policyFile);
    if (!read.ok) throw new Error("the example policy does not load");
    const activation = activationEvent(read.policy, {
      actor: "audit test",
      time: activatedAt,
      previousEventId: null,
    });
    await applyBatch(
      store.db,
      [{ key: "", value: JSON.stringify(activation), position: "policy" }],
      Date.parse("2026-11-25T00:00:00Z"),
    );
  }, 180_000);
  afterAll(async () => {
    await store?.close();
    await scratch?.drop();
  });

  it("records the stored chain's head, and the pack verifies offline", async () => {
    const result = fromStore("fraud-scoring", "2026-11-24T00:00:00Z", "store.zip");
    expect(result.status, result.stderr).toBe(0);
    const [head] = rowsOf<{ hash: string; system_seq: string }>(
      await store.db.execute(sql`select hash, system_seq from chain_heads where system_id = 'fraud-scoring'`),
    );
    expect(result.manifest!.chain).toEqual({
      head: head!.hash,
      length: Number(head!.system_seq),
      hashes: "stored",
    });
    expect(result.stdout).toContain(`hash chain head ${head!.hash}`);
    expect(runCli(["verify-chain", "--database-url", scratch.url, "--system", "fraud-scoring"]).status).toBe(
      0,
    );
    expect(result.manifest!.history.source).toBe("store");
    expect(
      JSON.parse(new TextDecoder().decode(result.files.get("history.json"))).points.length,
    ).toBeGreaterThan(0);

    const verified = runCli(["audit-pack", "verify", result.out]);
    expect(verified.status, verified.stdout).toBe(0);
    expect(verified.stdout).toContain(`they end exactly at the manifest's head ${head!.hash}`);
  });

  it("computes from a file the chain the store holds, and scores the same report", () => {
    const store = fromStore("fraud-scoring", "2026-06-01T00:00:00Z", "store-june.zip");
    const file = pack(["fraud-scoring", eventsFile, "--as-of", "2026-06-01T00:00:00Z"], "file-june.zip");
    expect(store.status, store.stderr).toBe(0);
    expect(file.status, file.stderr).toBe(0);
    expect(file.manifest!.chain).toEqual({ ...store.manifest!.chain, hashes: "computed" });
    expect(file.files.get("report.json")).toEqual(store.files.get("report.json"));
    expect(file.files.get("clauses.json")).toEqual(store.files.get("clauses.json"));
  });

  it("cuts the chain at its last link at or before asOf, as the store has it", async () => {
    const asOf = "2026-03-01T00:00:00Z";
    const result = fromStore("fraud-scoring", asOf, "march.zip");
    expect(result.status, result.stderr).toBe(0);
    const head = await storedChainHeadAsOf(store.db, "fraud-scoring", asOf);
    expect(result.manifest!.chain).toMatchObject({ head: head!.hash, length: head!.systemSeq });
    expect(runCli(["audit-pack", "verify", result.out]).status).toBe(0);
  });

  it("scores under the policy in force at the pack's time", () => {
    const before = fromStore("fraud-scoring", "2026-08-01T00:00:00Z", "before.zip");
    expect(before.manifest!.policy).toMatchObject({ kind: "builtin", name: "builtin" });
    const after = fromStore("fraud-scoring", "2026-11-24T00:00:00Z", "after.zip");
    expect(after.manifest!.policy).toMatchObject({ kind: "policy", name: "regulated-bank" });
    expect(after.manifest!.policy.rubricVersion).toMatch(/^builtin@.*\+regulated-bank@\d+$/);
    const verified = runCli(["audit-pack", "verify", after.out]);
    expect(verified.status, verified.stdout).toBe(0);
    expect(verified.stdout).toContain("policy: policy.json is regulated-bank");
  });

  it("names the closest systems the store knows when the one asked for is unknown", () => {
    const result = fromStore("credit-limit", "2026-11-24T00:00:00Z", "unknown.zip");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no system "credit-limit" in .*; the closest it has: credit-limits/);
  });

  it("makes no pack over a stored chain that does not hold, and names the link", async () => {
    const [row] = rowsOf<{ event_id: string; source: string; system_seq: string }>(
      await store.db.execute(
        sql`select event_id, source, system_seq from events where system_id = 'credit-limits' order by system_seq limit 1 offset 4`,
      ),
    );
    await store.db.execute(
      sql`update events set payload = jsonb_set(payload, '{time}', '"2026-01-01T00:00:00Z"') where event_id = ${row!.event_id} and source = ${row!.source}`,
    );
    const result = fromStore("credit-limits", "2026-11-24T00:00:00Z", "broken.zip");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `the stored hash chain of credit-limits does not hold at link ${row!.system_seq} (event ${row!.source} / ${row!.event_id})`,
    );
    expect(result.stderr).toContain("maturity verify-chain --system credit-limits");
    expect(() => readFileSync(join(dir, "broken.zip"))).toThrow();
    expect(() => readFileSync(join(dir, "broken.zip.partial"))).toThrow();
  });
});
