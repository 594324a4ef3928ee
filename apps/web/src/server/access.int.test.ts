import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedConfig } from "../../test/embedded-config.ts";
import { eventually, postEvent } from "../../test/ingest-flow.ts";
import { parseApiTokens } from "./auth/auth-config.ts";
import type { RunningPlatform } from "./platform.ts";
import { startPlatform } from "./platform.ts";

// Raw JSON answers of the HTTP API, read the way a script would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const viewerToken = "viewer-token-0123456789";
const adminToken = "admin-token-0123456789";

/** One tRPC call over HTTP as a browser or a script makes it. */
async function call(
  baseUrl: string,
  procedure: string,
  headers: Record<string, string>,
  input?: unknown,
  method: "GET" | "POST" = "GET",
) {
  const query =
    method === "GET" && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : "";
  const response = await fetch(`${baseUrl}/trpc/${procedure}${query}`, {
    method,
    headers: { ...headers, ...(method === "POST" && { "content-type": "application/json" }) },
    ...(method === "POST" && { body: JSON.stringify(input) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, Json> };
}

describe("portal access behind sign-on (proxy headers and bearer tokens)", () => {
  let dataDir: string;
  let platform: RunningPlatform;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "maturity-access-"));
    platform = await startPlatform({
      ...embeddedConfig(dataDir),
      auth: {
        proxy: {
          userHeader: "X-Forwarded-User",
          groupsHeader: "X-Forwarded-Groups",
          adminGroup: "maturity-admins",
          trustedProxies: ["127.0.0.1", "::1"],
        },
        tokens: parseApiTokens(`ci-bot:${viewerToken},ops:${adminToken}:admin`),
      },
    });
  });
  afterAll(async () => {
    await platform?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("answers 401 with what to do to a request that carries no identity, API and pages alike", async () => {
    const api = await call(platform.url, "auth.me", {});
    expect(api.status).toBe(401);
    expect(api.body.message).toContain("X-Forwarded-User");
    expect((await fetch(`${platform.url}/`)).status).toBe(401);
    expect(
      (await call(platform.url, "auth.me", { authorization: "Bearer not-a-known-token-at-all" })).status,
    ).toBe(401);
  });

  it("knows a signed-in person from the proxy's headers, and automation by its token", async () => {
    const person = await call(platform.url, "auth.me", {
      "x-forwarded-user": "ada@bank.example",
      "x-forwarded-groups": "maturity-admins",
    });
    expect(person.status).toBe(200);
    expect(person.body.result.data).toEqual({
      id: "ada@bank.example",
      name: "ada@bank.example",
      roles: ["viewer", "admin"],
      via: "proxy",
    });
    const bot = await call(platform.url, "auth.me", { authorization: `Bearer ${viewerToken}` });
    expect(bot.body.result.data).toMatchObject({ id: "token:ci-bot", roles: ["viewer"], via: "token" });
  });

  it("keeps mapping a source to admins, and an admin's mapping folds the waiting events in", async () => {
    const registered = {
      specversion: "1.0",
      id: "access-reg-1",
      source: "catalog://admin",
      type: "catalog.system.registered",
      time: "2026-11-01T00:00:00Z",
      subject: "churn-model",
      data: { name: "Churn model", team: "growth", kind: "classical", riskTier: "limited" },
    };
    const orphan = {
      specversion: "1.0",
      id: "access-run-1",
      source: "github://org/churn",
      type: "ci.pipeline.completed",
      time: "2026-11-02T00:00:00Z",
      subject: "unmapped:repo:org/churn",
      data: { pipeline: "training", status: "succeeded", trigger: "schedule" },
    };
    for (const event of [registered, orphan]) expect((await postEvent(platform.url, event)).status).toBe(202);
    const asViewer = { authorization: `Bearer ${viewerToken}` };
    const asAdmin = { authorization: `Bearer ${adminToken}` };
    await eventually(
      () => call(platform.url, "sources.unmapped", asViewer),
      (answer) => answer.body.result?.data?.some((row: { ref: string }) => row.ref === "repo:org/churn"),
    );

    const input = { ref: "repo:org/churn", systemId: "churn-model" };
    const refused = await call(platform.url, "sources.map", asViewer, input, "POST");
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("not an admin");

    const badRef = await call(platform.url, "sources.map", asAdmin, { ...input, ref: "org/churn" }, "POST");
    expect(badRef.status).toBe(400);
    expect(badRef.body.error.message).toContain("repo|registryModel|service|gpuQueue");
    const unknownSystem = await call(
      platform.url,
      "sources.map",
      asAdmin,
      { ...input, systemId: "nope" },
      "POST",
    );
    expect(unknownSystem.status).toBe(404);

    const mapped = await call(platform.url, "sources.map", asAdmin, input, "POST");
    expect(mapped.status).toBe(200);
    const rows = await eventually(
      () => call(platform.url, "sources.unmapped", asViewer),
      (answer) =>
        answer.body.result.data.find((row: { ref: string }) => row.ref === "repo:org/churn")?.mappedTo ===
        "churn-model",
    );
    expect(rows.status).toBe(200);
    // The waiting pipeline run now counts as the system's evidence, and the mapping event says who.
    const events = await call(platform.url, "systems.latestEvents", asViewer, { systemId: "churn-model" });
    const mappingEvent = events.body.result.data.find(
      (event: { type: string }) => event.type === "catalog.system.updated",
    );
    expect(mappingEvent.payload).toMatchObject({
      actor: "token:ops",
      data: { sources: { repos: ["org/churn"] } },
    });
    const report = await call(platform.url, "system.report", asViewer, { systemId: "churn-model" });
    const evidence = Object.values(report.body.result.data.report.axes).flatMap((axis: Json) =>
      axis.criteria.flatMap((criterion: { evidence: string[] }) => criterion.evidence),
    );
    expect(evidence).toContain("access-run-1");
    // The criterion's evidence list shows the run, though it is stored under the native id's subject.
    const citing = Object.values(report.body.result.data.report.axes)
      .flatMap((axis: Json) => axis.criteria as { id: string; evidence: string[] }[])
      .find((criterion) => criterion.evidence.includes("access-run-1"))!;
    const shown = await call(platform.url, "system.evidence", asViewer, {
      systemId: "churn-model",
      criterionId: citing.id,
    });
    expect(shown.body.result.data.map((event: { id: string }) => event.id)).toContain("access-run-1");

    const again = await call(platform.url, "sources.map", asAdmin, input, "POST");
    expect(again.status).toBe(409);
  });
});
