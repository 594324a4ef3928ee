// The audit pack download over HTTP, behind sign-on: a bearer token or the proxy's identity headers
// get the zip (signed, since this server has a key) and put a gov.docs.generated event naming them
// on the log; no identity gets 401, as the tRPC API does.
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fingerprint, verifyAuditPack } from "@maturity/audit";
import { rowsOf, sql } from "@maturity/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedConfig } from "../../../test/embedded-config.ts";
import { eventually, postEvent } from "../../../test/ingest-flow.ts";
import { parseApiTokens } from "../auth/auth-config.ts";
import type { RunningPlatform } from "../platform.ts";
import { startPlatform } from "../platform.ts";
import { packGenerator, packToHash } from "./build-pack.ts";

const viewerToken = "viewer-token-0123456789";
const proxyUser = { "x-forwarded-user": "ada@bank.example", "x-forwarded-groups": "analysts" };
const systemId = "churn-model";

const registered = {
  specversion: "1.0",
  id: "pack-route-reg-1",
  source: "catalog://admin",
  type: "catalog.system.registered",
  time: "2026-11-01T00:00:00Z",
  subject: systemId,
  data: { name: "Churn model", team: "growth", kind: "classical", riskTier: "high" },
};
const owner = {
  specversion: "1.0",
  id: "pack-route-owner-1",
  source: "catalog://admin",
  type: "gov.owner.assigned",
  time: "2026-11-02T00:00:00Z",
  subject: systemId,
  data: { owner: "growth-ml" },
};

interface DocsEvent {
  data: { artefact: string; fromPipeline: boolean; manifestSha256: string; actor: string; asOf: string };
}

async function docsGenerated(platform: RunningPlatform): Promise<DocsEvent[]> {
  const rows = rowsOf<{ payload: unknown }>(
    await platform.database.db.execute(
      sql`select payload from events where type = 'gov.docs.generated' order by seq`,
    ),
  );
  return rows.map(
    (row) => (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as DocsEvent,
  );
}

describe("GET /api/systems/:systemId/audit-pack behind sign-on", () => {
  let dataDir: string;
  let platform: RunningPlatform;
  let key: { privateKey: KeyObject; publicKey: KeyObject };
  const packUrl = (id = systemId, search = "") =>
    `${platform.url}/api/systems/${encodeURIComponent(id)}/audit-pack${search}`;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "maturity-pack-route-"));
    const keyPath = path.join(dataDir, "signing-key.pem");
    key = generateKeyPairSync("ed25519");
    await writeFile(keyPath, key.privateKey.export({ type: "pkcs8", format: "pem" }));
    platform = await startPlatform({
      ...embeddedConfig(dataDir),
      MATURITY_SIGNING_KEY: keyPath,
      auth: {
        proxy: {
          userHeader: "X-Forwarded-User",
          groupsHeader: "X-Forwarded-Groups",
          adminGroup: "maturity-admins",
          trustedProxies: ["127.0.0.1", "::1"],
        },
        tokens: parseApiTokens(`ci-bot:${viewerToken}`),
      },
    });
    for (const event of [registered, owner]) expect((await postEvent(platform.url, event)).status).toBe(202);
    await eventually(
      () =>
        fetch(
          `${platform.url}/trpc/system.report?input=${encodeURIComponent(JSON.stringify({ systemId }))}`,
          {
            headers: { authorization: `Bearer ${viewerToken}` },
          },
        ),
      (response) => response.status === 200,
    );
  }, 120_000);
  afterAll(async () => {
    await platform?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("answers 401 without sign-on, and with a token it does not know", async () => {
    const bare = await fetch(packUrl());
    expect(bare.status).toBe(401);
    expect(((await bare.json()) as { message: string }).message).toContain("X-Forwarded-User");
    const wrong = await fetch(packUrl(), { headers: { authorization: "Bearer not-a-known-token-at-all" } });
    expect(wrong.status).toBe(401);
    expect(await docsGenerated(platform)).toEqual([]);
  });

  it("streams the signed zip to a token, and records gov.docs.generated with the token's name", async () => {
    const response = await fetch(packUrl(), { headers: { authorization: `Bearer ${viewerToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="audit-pack-churn-model-\d{8}T\d{6}Z\.zip"$/,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    // Entry names are stored in the clear, in each local header and in the central directory.
    expect(bytes.includes("manifest.json")).toBe(true);
    expect(bytes.includes("manifest.sig")).toBe(true);
    // Whole: every file against the manifest, the manifest against the server's public key.
    const verified = await verifyAuditPack(new Uint8Array(bytes), {
      publicKey: key.publicKey.export({ type: "spki", format: "pem" }).toString(),
      generator: packGenerator,
    });
    expect(verified).toMatchObject({ ok: true, systemId, signedBy: fingerprint(key.publicKey) });
    // The compliance view names the same key beside the download.
    const view = await fetch(
      `${platform.url}/trpc/compliance.system?input=${encodeURIComponent(JSON.stringify({ systemId }))}`,
      { headers: { authorization: `Bearer ${viewerToken}` } },
    );
    expect(
      ((await view.json()) as { result: { data: { packSigningKey: unknown } } }).result.data.packSigningKey,
    ).toEqual({ fingerprint: fingerprint(key.publicKey) });

    const [event] = await eventually(
      () => docsGenerated(platform),
      (list) => list.length === 1,
    );
    expect(event!.data).toMatchObject({
      artefact: "technical_documentation",
      fromPipeline: true,
      actor: "token:ci-bot",
      manifestSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it("serves a person behind the proxy too, as of a given time, and names them", async () => {
    const asOf = "2026-11-03T00:00:00.000Z";
    const response = await fetch(packUrl(systemId, `?asOf=${encodeURIComponent(asOf)}`), {
      headers: proxyUser,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(
      "audit-pack-churn-model-20261103T000000Z.zip",
    );
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");
    const events = await eventually(
      () => docsGenerated(platform),
      (list) => list.length === 2,
    );
    expect(events[1]!.data).toMatchObject({ actor: "ada@bank.example", asOf });
    // The hash recorded is the pack's: built again as of the same instant, it is the same pack.
    const again = await packToHash(platform.database.db, { systemId, asOf, signingKey: key.privateKey });
    expect(events[1]!.data.manifestSha256).toBe(again.manifestSha256);
    expect(again.fingerprint).toBe(fingerprint(key.publicKey));
  });

  it("refuses an unknown system or one without events by asOf (404) and a bad asOf (400), recording nothing", async () => {
    const headers = { authorization: `Bearer ${viewerToken}` };
    expect((await fetch(packUrl("no-such-system"), { headers })).status).toBe(404);
    const before = await fetch(packUrl(systemId, "?asOf=2026-10-01T00:00:00Z"), { headers });
    expect(before.status).toBe(404);
    expect(((await before.json()) as { message: string }).message).toContain("no events at or before");
    expect((await fetch(packUrl(systemId, "?asOf=yesterday"), { headers })).status).toBe(400);
    expect((await fetch(packUrl(systemId, "?asOf=2999-01-01T00:00:00Z"), { headers })).status).toBe(400);
    expect(await docsGenerated(platform)).toHaveLength(2);
  });
});
