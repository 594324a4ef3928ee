import http from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { latestRescoreRequest, rowsOf, sql } from "@maturity/db";
import { call, checkEveryTool, checkToolList, scenarioLines } from "@maturity/mcp/testing";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedConfig } from "../../../test/embedded-config.ts";
import { eventually } from "../../../test/ingest-flow.ts";
import { platformPaths } from "../../../test/platform-paths.ts";
import { parseApiTokens } from "../auth/auth-config.ts";
import type { RunningPlatform } from "../platform.ts";
import { startPlatform } from "../platform.ts";

const token = "agent-token-0123456789";
const lines = scenarioLines();

const initialize = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "curl", version: "1" } },
};

/** One raw POST of a JSON-RPC message to /mcp, as a script (or a browser page) would send it. */
async function post(url: string, headers: Record<string, string>, body: unknown = initialize) {
  const response = await fetch(`${url}/mcp`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The SDK's own client over Streamable HTTP, with these headers on every request. */
async function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: "maturity-web-test", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { requestInit: { headers } }),
  );
  return client;
}

/** Posts the example organisation to ingest and waits until the worker has applied all of it. */
async function sendScenarios(platform: RunningPlatform): Promise<void> {
  for (let start = 0; start < lines.length; start += 200) {
    const response = await fetch(`${platform.url}/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/cloudevents-batch+json" },
      body: `[${lines.slice(start, start + 200).join(",")}]`,
    });
    expect(response.status, await response.text()).toBe(202);
  }
  const db = platform.database.db;
  await eventually(
    async () => {
      const [row] = rowsOf<{ stored: number | string }>(
        await db.execute(
          sql`select (select count(*) from events) + (select count(*) from telemetry_events) as stored`,
        ),
      );
      return { stored: Number(row?.stored), owed: await latestRescoreRequest(db) };
    },
    ({ stored, owed }) => stored === lines.length && owed === null,
    90_000,
  );
  await platform.worker!.refreshRollupsNow();
}

describe.each(platformPaths("mcp"))(
  "the portal's /mcp endpoint behind sign-on: $path",
  ({ path: way, prepare }) => {
    let platform: RunningPlatform;
    let cleanup: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      const prepared = await prepare();
      cleanup = prepared.cleanup;
      platform = await startPlatform({
        ...prepared.config,
        auth: { tokens: parseApiTokens(`agent:${token}`) },
      });
      await sendScenarios(platform);
    }, 180_000);
    afterAll(async () => {
      await platform?.close();
      await cleanup?.();
    });

    it("serves the SDK client with a bearer token: the tools listed and each one called", async () => {
      expect(platform.mode).toBe(way.startsWith("embedded") ? "embedded" : "distributed");
      const client = await connect(platform.url, { authorization: `Bearer ${token}` });
      try {
        expect(client.getServerVersion()?.name).toBe("maturity");
        await checkEveryTool(client, platform.database.db);
        // Links point at the portal the agent reached.
        const found = await call(client, "find_systems", { query: "fraud" });
        expect(found.data.systems[0].url).toBe(`${platform.url}/systems/fraud-scoring`);
      } finally {
        await client.close();
      }
    });

    it("refuses a request without a token (or with an unknown one) with 401, saying what to send", async () => {
      const none = await post(platform.url, {});
      expect(none.status).toBe(401);
      expect(String(none.body.message)).toContain("bearer token");
      expect((await post(platform.url, { authorization: "Bearer not-one-of-the-tokens" })).status).toBe(401);
      await expect(connect(platform.url)).rejects.toThrow(/401|nauthorized/);
    });

    it("refuses a browser page of another origin with 403, DNS rebinding included", async () => {
      const bearer = { authorization: `Bearer ${token}` };
      const foreign = await post(platform.url, { ...bearer, origin: "https://evil.example" });
      expect(foreign.status).toBe(403);
      expect(JSON.stringify(foreign.body)).toContain("https://evil.example");
      // A rebinding page: its own name resolves to this machine, so Host and Origin agree.
      const port = new URL(platform.url).port;
      const rebound = await new Promise<number>((resolve, reject) => {
        const request = http.request(
          {
            host: "127.0.0.1",
            port,
            path: "/mcp",
            method: "POST",
            headers: {
              host: `evil.example:${port}`,
              origin: `http://evil.example:${port}`,
              "content-type": "application/json",
              accept: "application/json, text/event-stream",
              ...bearer,
            },
          },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on("error", reject);
        request.end(JSON.stringify(initialize));
      });
      expect(rebound).toBe(403);
      // The portal's own page may.
      const own = await post(platform.url, { ...bearer, origin: platform.url });
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ result: { serverInfo: { name: "maturity" } } });
    });

    it("answers GET and DELETE with 405: no session or server stream is kept", async () => {
      for (const method of ["GET", "DELETE"]) {
        const response = await fetch(`${platform.url}/mcp`, {
          method,
          headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
        });
        expect(response.status, method).toBe(405);
        expect(response.headers.get("allow")).toBe("POST");
      }
    });
  },
);

describe("the portal's /mcp endpoint with no sign-on configured (the embedded first run)", () => {
  let dataDir: string;
  let platform: RunningPlatform;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "maturity-mcp-open-"));
    platform = await startPlatform(embeddedConfig(dataDir));
  }, 120_000);
  afterAll(async () => {
    await platform?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("serves a client without a token as the local admin, and says what to do on an empty store", async () => {
    const client = await connect(platform.url);
    try {
      await checkToolList(client);
      const empty = await call(client, "find_systems");
      expect(empty.data).toMatchObject({ total: 0, systems: [], nextCursor: null });
      const tracks = await call(client, "compare_tracks");
      expect(tracks.isError).toBe(true);
      expect(tracks.text).toContain("Send evidence");
    } finally {
      await client.close();
    }
  });
});
