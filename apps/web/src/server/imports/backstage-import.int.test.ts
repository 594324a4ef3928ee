// Backstage imports end to end, on both paths (PGlite and the file log; the Postgres server and the
// Kafka broker): the import route `maturity import backstage` calls, behind the API tokens, and the
// periodic pull from a Backstage backend (a real HTTP server answering the catalogue API). What
// they append goes through the log and the worker into the event store and the portal's systems.
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  defaultMappingOptions,
  readEntityFiles,
  type EntityFiles,
  type ImportSummary,
} from "@maturity/backstage";
import {
  startFakeBackstage,
  type FakeBackstage,
  type FakeBackstageOptions,
} from "@maturity/backstage/testing";
import { rowsOf, sql } from "@maturity/db";
import type { MaturityEvent } from "@maturity/model";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { platformPaths } from "../../../test/platform-paths.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../../test/ingest-flow.ts";
import { parseApiTokens } from "../auth/auth-config.ts";
import { startPlatform, type RunningPlatform } from "../platform.ts";
import type { AppRouter } from "../router.ts";
import { backstageImportPath } from "./backstage-import-route.ts";
import { cataloguePullActor } from "./catalogue-pull.ts";

const adminToken = "admin-token-0123456789abcdef";
const viewerToken = "viewer-token-0123456789abcdef";
const backstageToken = "backstage-static-token-0123456789";
const fixtureCatalog = fileURLToPath(
  new URL("../../../../../packages/backstage/test/fixtures/catalog", import.meta.url),
);
/** The import location of the files, and the one the refused requests name (nothing may show up there). */
const location = "acme-catalog-files";
const refusedLocation = "refused-import";
const fixtureIds = [
  "fraud-scoring",
  "resource:churn-model",
  "triage-agent",
  "support/support-assistant",
  "search-ranker",
];

type Entity = FakeBackstageOptions["entities"][number];

/** A Backstage component as the catalogue API returns it. */
function component(name: string, type: string, annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: "backstage.io/v1alpha1",
    kind: "Component",
    metadata: { name, namespace: "default", description: `${name} of the pricing team`, annotations },
    spec: { type, lifecycle: "production", owner: "group:default/pricing", system: "pricing" },
  };
}

/** The backend's catalogue at the start: three ML systems, a website and a group (not ML systems). */
function backendCatalogue(): Entity[] {
  return [
    component("pulled-pricing-model", "ml-model", { "maturity.dev/risk-tier": "limited" }),
    component("pulled-quote-assistant", "llm-app", { "maturity.dev/risk-tier": "high" }),
    component("pulled-renewal-agent", "agent"),
    component("pricing-site", "website"),
    { apiVersion: "backstage.io/v1", kind: "Group", metadata: { name: "pricing" }, spec: { type: "team" } },
  ];
}

interface ImportAnswer {
  dryRun?: boolean;
  summary?: ImportSummary;
  events?: MaturityEvent[];
  error?: string;
  message?: string;
  issues?: { path: string; message: string }[];
}

async function postImport(baseUrl: string, token: string | undefined, body: unknown) {
  const response = await fetch(`${baseUrl}${backstageImportPath}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token !== undefined && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as ImportAnswer };
}

/** The portal's tRPC API as an automation token sees it. */
function portalAs(baseUrl: string, token: string) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${baseUrl}/trpc`, headers: { authorization: `Bearer ${token}` } })],
  });
}

/** The stored events of one source, as received (extension attributes included), in store order. */
async function storedEvents(platform: RunningPlatform, source: string): Promise<StoredEvent[]> {
  const rows = rowsOf<{ payload: string }>(
    await platform.database.db.execute(
      sql`select payload::text as payload from events where source = ${source} order by seq`,
    ),
  );
  return rows.map((row) => JSON.parse(row.payload) as StoredEvent);
}

type StoredEvent = MaturityEvent & { actor?: string; data: { origin?: Record<string, unknown> } };

const ids = (changes: { systemId: string }[] | undefined) => (changes ?? []).map((change) => change.systemId);

const paths = platformPaths("backstage-import");

describe.each(paths)("Backstage imports, $path", ({ prepare }) => {
  const backend: FakeBackstageOptions = { entities: backendCatalogue(), token: backstageToken };
  let fake: FakeBackstage;
  let platform: RunningPlatform;
  let cleanup: (() => Promise<void>) | undefined;
  let files: EntityFiles;

  beforeAll(async () => {
    files = await readEntityFiles([fixtureCatalog]);
    fake = await startFakeBackstage(backend);
    const prepared = await prepare();
    cleanup = prepared.cleanup;
    platform = await startPlatform({
      ...prepared.config,
      auth: { tokens: parseApiTokens(`ops:${adminToken}:admin,ci:${viewerToken}`) },
      backstage: {
        url: fake.baseUrl,
        token: backstageToken,
        intervalMs: 3_600_000,
        options: defaultMappingOptions,
      },
    });
  });
  afterAll(async () => {
    await platform?.close();
    await fake?.close();
    await cleanup?.();
  });

  describe(`POST ${backstageImportPath}`, () => {
    const portal = () => portalAs(platform.url, viewerToken);
    const importOf = (entities: EntityFiles["entities"], extra: Record<string, unknown> = {}) => ({
      location,
      retireMissing: true,
      dryRun: false,
      entities,
      problems: files.problems,
      ...extra,
    });
    let dryRun: ImportAnswer;
    let imported: ImportAnswer;

    it("refuses no token (401), a viewer's token (403) and a malformed body (400, naming the field)", async () => {
      const body = importOf(files.entities, { location: refusedLocation });
      const anonymous = await postImport(platform.url, undefined, body);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error).toBe("unauthorized");

      const viewer = await postImport(platform.url, viewerToken, body);
      expect(viewer.status).toBe(403);
      expect(viewer.body).toMatchObject({ error: "forbidden", message: expect.stringContaining("admin") });

      const notAList = await postImport(platform.url, adminToken, { ...body, entities: { entity: {} } });
      expect(notAList.status).toBe(400);
      expect(notAList.body.error).toBe("bad_request");
      expect(notAList.body.message).toContain("entities:");
      expect(notAList.body.issues).toEqual([expect.objectContaining({ path: "entities" })]);

      const yes = await postImport(platform.url, adminToken, { ...body, retireMissing: "yes" });
      expect(yes.status).toBe(400);
      expect(yes.body.message).toContain("retireMissing:");
      expect(yes.body.issues).toEqual([expect.objectContaining({ path: "retireMissing" })]);
      // Nothing of them is stored: checked once the admin's import (same systems, later) is applied.
    });

    it("answers a dry run with the plan (200) and appends nothing", async () => {
      const answer = await postImport(platform.url, adminToken, importOf(files.entities, { dryRun: true }));
      expect(answer.status).toBe(200);
      dryRun = answer.body;
      expect(dryRun.dryRun).toBe(true);
      expect(ids(dryRun.summary?.registered)).toEqual(fixtureIds);
      expect(dryRun.events?.map((event) => event.source)).toEqual(
        Array.from({ length: fixtureIds.length * 2 }, () => `backstage:${location}`),
      );
      // Later than the dry run, so its events' times tell them apart from the dry run's.
      await new Promise((resolve) => setTimeout(resolve, 20));
    });

    it("imports the fixture files (202): the systems appear, every event says where from and who", async () => {
      const answer = await postImport(platform.url, adminToken, importOf(files.entities));
      expect(answer.status).toBe(202);
      imported = answer.body;
      expect(imported.dryRun).toBe(false);
      const summary = imported.summary!;
      expect(ids(summary.registered)).toEqual(fixtureIds);
      expect(summary.registered[0]).toEqual({
        systemId: "fraud-scoring",
        entityRef: "component:default/fraud-scorer",
        file: path.join(fixtureCatalog, "catalog-info.yaml"),
        line: 2,
      });
      expect(summary).toMatchObject({ updated: [], retired: [], notRetired: [], notMlSystems: 5 });
      // The invalid entity among the valid ones is skipped, with its place; the rest are imported.
      const broken = files.entities.find((located) => located.entity.metadata.name === "broken scorer")!;
      expect(summary.skipped).toEqual([
        {
          file: broken.file,
          line: broken.line,
          entityRef: "component:default/broken scorer",
          reason: expect.stringContaining("metadata.name"),
        },
      ]);
      expect(broken.line).toBeGreaterThan(1);

      const systems = await eventually(
        () => portal().systems.list.query(),
        (rows) => fixtureIds.every((id) => rows.some((row) => row.systemId === id)),
      );
      expect(systems.find((row) => row.systemId === "fraud-scoring")).toMatchObject({
        name: "Fraud scorer",
        team: "payments-risk",
        kind: "classical",
        riskTier: "high",
        retiredAt: null,
      });
      expect(systems.some((row) => row.systemId.includes("broken"))).toBe(false);

      const stored = await eventually(
        () => storedEvents(platform, `backstage:${location}`),
        (events) => events.length === imported.events!.length,
      );
      expect(stored.map((event) => event.id).sort()).toEqual(
        imported.events!.map((event) => event.id).sort(),
      );
      for (const event of stored) {
        expect(event.source).toBe(`backstage:${location}`);
        expect(event.actor).toBe("token:ops");
        if (event.type.startsWith("catalog.system."))
          expect(event.data.origin).toMatchObject({
            catalog: "backstage",
            location,
            entityRef: expect.any(String),
          });
      }
      expect(stored.filter((event) => event.type === "catalog.system.registered")).toHaveLength(5);

      // The dry run planned the very same ids: had it appended them, the store (first copy wins)
      // would hold its copies, with its earlier times.
      expect(dryRun.events!.map((event) => event.id)).toEqual(imported.events!.map((event) => event.id));
      const timeOf = new Map(imported.events!.map((event) => [event.id, event.time]));
      for (const event of stored) {
        expect(event.time).toBe(timeOf.get(event.id));
        expect(event.time).not.toBe(dryRun.events!.find((planned) => planned.id === event.id)?.time);
      }
      // The refused requests came first, for the same systems (so the same log keys): nothing of them.
      expect(await storedEvents(platform, `backstage:${refusedLocation}`)).toEqual([]);
    });

    it("changes nothing when the same entities are imported again", async () => {
      const again = await postImport(platform.url, adminToken, importOf(files.entities));
      expect(again.status).toBe(202);
      expect(again.body.summary).toMatchObject({
        registered: [],
        updated: [],
        retired: [],
        unchanged: fixtureIds.length,
      });
      expect(again.body.events).toEqual([]);
    });

    it("retires the system whose entity is gone", async () => {
      const remaining = files.entities.filter((located) => located.entity.metadata.name !== "triage-agent");
      const answer = await postImport(platform.url, adminToken, importOf(remaining));
      expect(answer.status).toBe(202);
      expect(answer.body.summary).toMatchObject({
        registered: [],
        updated: [],
        retired: [{ systemId: "triage-agent", entityRef: "component:default/triage-agent" }],
        notRetired: [],
      });
      expect(answer.body.events?.map((event) => [event.type, event.subject])).toEqual([
        ["catalog.system.retired", "triage-agent"],
      ]);

      const systems = await eventually(
        () => portal().systems.list.query(),
        (rows) => (rows.find((row) => row.systemId === "triage-agent")?.retiredAt ?? null) !== null,
      );
      expect(systems.filter((row) => fixtureIds.includes(row.systemId) && row.retiredAt !== null)).toEqual([
        expect.objectContaining({ systemId: "triage-agent" }),
      ]);
      const retired = (await storedEvents(platform, `backstage:${location}`)).filter(
        (event) => event.type === "catalog.system.retired",
      );
      expect(retired).toEqual([
        expect.objectContaining({
          subject: "triage-agent",
          actor: "token:ops",
          id: answer.body.events![0]!.id,
        }),
      ]);
    });
  });

  describe("the periodic pull from the Backstage backend", () => {
    const source = () => `backstage:${fake.baseUrl}`;
    const pulledIds = ["pulled-pricing-model", "pulled-quote-assistant", "pulled-renewal-agent"];
    const entityNamed = (name: string) => backend.entities.find((entity) => entity.metadata.name === name)!;
    const portal = () => portalAs(platform.url, viewerToken);

    it("pulls at start, with the bearer token, and the ML systems appear", async () => {
      const systems = await eventually(
        () => portal().systems.list.query(),
        (rows) => pulledIds.every((id) => rows.some((row) => row.systemId === id)),
      );
      expect(systems.find((row) => row.systemId === "pulled-pricing-model")).toMatchObject({
        kind: "classical",
        riskTier: "limited",
        team: "pricing",
        retiredAt: null,
      });
      expect(systems.some((row) => row.systemId.includes("pricing-site"))).toBe(false);
      expect(fake.requests.length).toBeGreaterThan(0);
      for (const request of fake.requests) {
        expect(request.url.pathname).toBe("/api/catalog/entities/by-query");
        expect(request.authorization).toBe(`Bearer ${backstageToken}`);
      }
      const stored = await eventually(
        () => storedEvents(platform, source()),
        (events) => events.length === pulledIds.length * 2,
      );
      expect(new Set(stored.map((event) => event.actor))).toEqual(new Set([cataloguePullActor]));
      expect(
        stored.filter((event) => event.type === "catalog.system.registered").map((event) => event.subject),
      ).toEqual(expect.arrayContaining(pulledIds));
      // The catalogue as it was: the next pull has nothing to do.
      expect(await platform.cataloguePull!.pullNow()).toEqual({
        ok: true,
        registered: 0,
        updated: 0,
        retired: 0,
        skipped: 0,
      });
    });

    it("imports a changed entity as an update and a removed one as a retirement", async () => {
      const requestsBefore = fake.requests.length;
      backend.entities = backend.entities.filter((entity) => entity.metadata.name !== "pulled-renewal-agent");
      entityNamed("pulled-pricing-model").metadata.annotations!["maturity.dev/risk-tier"] = "high";

      expect(await platform.cataloguePull!.pullNow()).toEqual({
        ok: true,
        registered: 0,
        updated: 1,
        retired: 1,
        skipped: 0,
      });
      expect(fake.requests.length).toBeGreaterThan(requestsBefore);
      const stored = await eventually(
        () => storedEvents(platform, source()),
        (events) => events.length === pulledIds.length * 2 + 2,
      );
      expect(
        stored
          .slice(-2)
          .map((event) => [event.type, event.subject, event.actor])
          .sort(),
      ).toEqual([
        ["catalog.system.retired", "pulled-renewal-agent", cataloguePullActor],
        ["catalog.system.updated", "pulled-pricing-model", cataloguePullActor],
      ]);
      const systems = await eventually(
        () => portal().systems.list.query(),
        (rows) => (rows.find((row) => row.systemId === "pulled-renewal-agent")?.retiredAt ?? null) !== null,
      );
      expect(systems.find((row) => row.systemId === "pulled-pricing-model")?.riskTier).toBe("high");
    });

    it("reports a failing backend as { ok: false, error } and appends nothing", async () => {
      backend.failWith = 503;
      const failed = await platform.cataloguePull!.pullNow();
      expect(failed).toEqual({ ok: false, error: expect.stringContaining("503") });

      // Back up, with both remaining entities changed: had the failed pull read the catalogue as
      // empty, they would have been retired and this pull would register them again.
      delete backend.failWith;
      for (const name of ["pulled-pricing-model", "pulled-quote-assistant"])
        entityNamed(name).metadata.description = `${name}, described again`;
      expect(await platform.cataloguePull!.pullNow()).toEqual({
        ok: true,
        registered: 0,
        updated: 2,
        retired: 0,
        skipped: 0,
      });
      // These updates follow anything the failed pull could have appended for the same systems.
      const stored = await eventually(
        () => storedEvents(platform, source()),
        (events) => events.length >= pulledIds.length * 2 + 4,
      );
      expect(stored).toHaveLength(pulledIds.length * 2 + 4);
      expect(
        stored
          .slice(-2)
          .map((event) => [event.type, event.subject])
          .sort(),
      ).toEqual([
        ["catalog.system.updated", "pulled-pricing-model"],
        ["catalog.system.updated", "pulled-quote-assistant"],
      ]);
      expect(
        stored.filter((event) => event.type === "catalog.system.retired").map((event) => event.subject),
      ).toEqual(["pulled-renewal-agent"]);
    });
  });
});
