import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseHandle } from "@maturity/db";
import { openDatabase } from "@maturity/db";
import { createScratchDatabase, testDatabaseUrl } from "@maturity/db/testing";
import type { ScratchDatabase } from "@maturity/db/testing";
import { checkEveryTool, fillWithScenarios } from "@maturity/mcp/testing";
import { applyBatch, refreshRollups } from "@maturity/worker";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliBin, runCli } from "../../test/run-cli.ts";

/** The SDK's own client, talking to `maturity mcp <args>` over its stdin and stdout. */
async function connectOverStdio(args: string[]): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [cliBin, "mcp", ...args],
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const client = new Client({ name: "maturity-cli-test", version: "1.0.0" });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

describe("maturity mcp over stdio, on the real Postgres server", () => {
  let scratch: ScratchDatabase;
  let store: DatabaseHandle;

  beforeAll(async () => {
    scratch = await createScratchDatabase(testDatabaseUrl);
    store = await openDatabase({ url: scratch.url });
    await fillWithScenarios(store.db, { applyBatch, refreshRollups });
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await scratch?.drop();
  });

  it("lists the tools and answers each call from the store; logs go to stderr only", async () => {
    const { client, stderr } = await connectOverStdio([
      "--database-url",
      scratch.url,
      "--portal-url",
      "https://m.example",
    ]);
    try {
      expect(client.getServerVersion()?.name).toBe("maturity");
      expect(client.getInstructions()).toContain("find_systems");
      await checkEveryTool(client, store.db);
      const found = await client.callTool({ name: "find_systems", arguments: { query: "fraud" } });
      expect(found.structuredContent).toMatchObject({
        systems: [{ systemId: "fraud-scoring", url: "https://m.example/systems/fraud-scoring" }],
      });
    } finally {
      await client.close();
    }
    expect(stderr()).toContain("maturity mcp: serving the store at postgres://");
  });

  it("has --help", () => {
    const result = runCli(["mcp", "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Usage: maturity mcp");
    expect(result.stdout).toContain("--data-dir");
  });
});

describe("maturity mcp over stdio, on the embedded data folder", () => {
  let expectedDir: string;
  let servedDir: string;
  let expected: DatabaseHandle;

  beforeAll(async () => {
    // PGlite allows one process per folder: the server reads a copy of the folder this test reads.
    expectedDir = await mkdtemp(path.join(tmpdir(), "maturity-mcp-expected-"));
    servedDir = await mkdtemp(path.join(tmpdir(), "maturity-mcp-served-"));
    const filling = await openDatabase({ dataDir: path.join(expectedDir, "pglite") });
    await fillWithScenarios(filling.db, { applyBatch, refreshRollups });
    await filling.close();
    await cp(expectedDir, servedDir, { recursive: true });
    expected = await openDatabase({ dataDir: path.join(expectedDir, "pglite") });
  }, 120_000);
  afterAll(async () => {
    await expected?.close();
    for (const dir of [expectedDir, servedDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("lists the tools and answers each call from the data folder", async () => {
    const { client, stderr } = await connectOverStdio(["--data-dir", servedDir]);
    try {
      await checkEveryTool(client, expected.db);
    } finally {
      await client.close();
    }
    expect(stderr()).toContain(path.join(servedDir, "pglite"));
  });
});
