import type { DatabaseHandle } from "@maturity/db";
import { suiteDatabase } from "@maturity/db/testing/suite";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The MCP tools in-process over a filled store (here, beside `maturity mcp`, since filling a store
// takes the worker's code, which @maturity/mcp may not import).
import { createMaturityMcpServer } from "@maturity/mcp";
import { call, checkEveryTool, fillWithScenarios, rubricInForceOf } from "@maturity/mcp/testing";
import { applyBatch, policyInForce, refreshRollups } from "@maturity/worker";

/** A client connected in-process to a server over `store`. */
async function connect(store: DatabaseHandle, portalUrl?: string): Promise<Client> {
  const server = createMaturityMcpServer({
    db: store.db,
    rubricInForce: rubricInForceOf(store.db, policyInForce),
    portalUrl,
  });
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "maturity-mcp-test", version: "1.0.0" });
  await client.connect(clientSide);
  return client;
}

describe.each(["pglite", "postgres"] as const)(
  "the MCP tools over the example organisation (%s)",
  (driver) => {
    const store = suiteDatabase(driver);
    let client: Client;

    beforeAll(async () => {
      await fillWithScenarios(store().db, { applyBatch, refreshRollups });
      client = await connect(store(), "https://maturity.acme.example/");
    }, 120_000);
    afterAll(async () => {
      await client?.close();
    });

    it("lists the six read-only tools and answers each as the store says, errors included", async () => {
      await checkEveryTool(client, store().db);
    });

    it("finds systems by name, kind, level and retirement, with links to the portal", async () => {
      const all = await call(client, "find_systems", { includeRetired: true });
      expect(all.data.total).toBe(8);
      expect(
        all.data.systems.find((system: { systemId: string }) => system.systemId === "legacy-churn"),
      ).toMatchObject({ retired: true });
      const llm = await call(client, "find_systems", { kind: "llm" });
      expect(llm.data.systems.map((system: { systemId: string }) => system.systemId)).toEqual([
        "search-answers",
        "support-assistant",
      ]);
      const search = await call(client, "find_systems", { query: "SEARCH", detail: "full" });
      expect(search.data.systems.map((system: { systemId: string }) => system.systemId)).toEqual([
        "search-answers",
        "search-ranker",
      ]);
      expect(search.data.systems[0]).toMatchObject({
        url: "https://maturity.acme.example/systems/search-answers",
        asOf: expect.stringMatching(/^2026-/),
        scores: { evaluation: expect.any(Number) },
      });
      const weakEvaluation = await call(client, "find_systems", { axis: "evaluation", maxLevel: 1 });
      expect(weakEvaluation.data.total).toBeGreaterThan(0);
      for (const system of weakEvaluation.data.systems) expect(system.levels.evaluation).toBe(1);
      const foundations = await call(client, "find_systems", { minLevel: 2 });
      for (const system of foundations.data.systems) expect(system.lowestLevel).toBeGreaterThanOrEqual(2);
      const wildcard = await call(client, "find_systems", { query: "%" });
      expect(wildcard.data.total).toBe(0);
      expect(wildcard.text).toContain("No system matches");
    });

    it("explains where a criterion does not apply, and the team-level gap with its evidence", async () => {
      const judges = await call(client, "explain_criterion", {
        criterionId: "evaluation.l3.judges-calibrated",
        systemId: "fraud-scoring",
      });
      expect(judges.data.criterion.appliesTo).toEqual(["llm", "agent"]);
      expect(judges.data.system).toMatchObject({ applies: false, status: null, evidence: [] });
      expect(judges.data.system.note).toContain("applies to llm/agent systems");
      const search = await call(client, "compare_tracks", { team: "search" });
      expect(search.data.widestGap).toMatchObject({ axis: "evaluation" });
      expect(search.data.risks[0]).toMatchObject({ kind: "track_gap", team: "search" });
      expect(search.data.risks[0].evidence.length).toBeGreaterThan(0);
    });

    it("refuses a cursor that is not one it gave", async () => {
      const answer = await call(client, "list_risks", { cursor: "not-a-cursor" });
      expect(answer.isError).toBe(true);
      expect(answer.text).toContain("without a cursor");
    });
  },
);
