import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Entity } from "@backstage/catalog-model";
import { afterEach, describe, expect, it } from "vitest";
import { fetchCatalogueEntities } from "./fetch-entities.ts";
import { planBackstageImport } from "./plan-import.ts";
import { startFakeBackstage, type FakeBackstage, type FakeBackstageOptions } from "./test/fake-backstage.ts";

// As the API serves them: with uid, etag, relations and status.
function served(kind: string, name: string, spec: Record<string, unknown>): Entity {
  return {
    apiVersion: "backstage.io/v1alpha1",
    kind,
    metadata: { name, namespace: "default", uid: `uid-${name}`, etag: `etag-${name}` },
    spec,
    relations: [{ type: "ownedBy", targetRef: "group:default/ml-platform" }],
    status: { items: [] },
  } as Entity;
}

const component = (name: string, type: string) =>
  served("Component", name, { type, lifecycle: "production", owner: "ml-platform" });

const catalogue: Entity[] = [
  component("ranker", "ml-model"),
  served("Group", "ml-platform", { type: "team", children: [] }),
  component("assistant", "llm-app"),
  served("Resource", "features", { type: "ml-model", owner: "ml-platform" }),
  component("site", "website"),
  served("User", "jane", { memberOf: [] }),
  component("agent", "agent"),
];

let backstage: FakeBackstage | undefined;
afterEach(async () => {
  await backstage?.close();
  backstage = undefined;
});

async function start(options: Partial<FakeBackstageOptions> = {}): Promise<FakeBackstage> {
  backstage = await startFakeBackstage({ entities: catalogue, token: "s3cret", ...options });
  return backstage;
}

describe("fetchCatalogueEntities", () => {
  it("reads every page of components and resources, with the token, as their definitions, by ref", async () => {
    const { baseUrl, requests } = await start();
    const entities = await fetchCatalogueEntities({ baseUrl: `${baseUrl}/`, token: "s3cret", pageSize: 2 });
    expect(entities.map((entity) => `${entity.kind}:${entity.metadata.name}`)).toEqual([
      "Component:agent",
      "Component:assistant",
      "Component:ranker",
      "Component:site",
      "Resource:features",
    ]);
    expect(entities[0]).toEqual({
      apiVersion: "backstage.io/v1alpha1",
      kind: "Component",
      metadata: { name: "agent", namespace: "default", uid: "uid-agent", etag: "etag-agent" },
      spec: { type: "agent", lifecycle: "production", owner: "ml-platform" },
    });
    expect(requests).toHaveLength(3);
    for (const request of requests) {
      expect(request.url.pathname).toBe("/api/catalog/entities/by-query");
      expect(request.authorization).toBe("Bearer s3cret");
    }
    expect(requests[0]!.url.searchParams.getAll("filter")).toEqual(["kind=Component,kind=Resource"]);
    expect(requests[1]!.url.searchParams.get("cursor")).toEqual(expect.any(String));
  });

  it("sends no Authorization header without a token", async () => {
    const { baseUrl, requests } = await start({ token: undefined });
    expect(await fetchCatalogueEntities({ baseUrl })).toHaveLength(5);
    expect(requests.map((request) => request.authorization)).toEqual([undefined]);
  });

  it("gives entities the import takes as they are", async () => {
    const { baseUrl } = await start();
    const entities = await fetchCatalogueEntities({ baseUrl, token: "s3cret" });
    const plan = await planBackstageImport({
      entities: entities.map((entity) => ({ entity })),
      known: [],
      location: baseUrl,
      retireMissing: false,
      now: new Date("2026-11-24T10:00:00Z"),
    });
    expect(plan.summary.skipped).toEqual([]);
    expect(plan.summary.registered).toEqual([
      { systemId: "agent", entityRef: "component:default/agent" },
      { systemId: "assistant", entityRef: "component:default/assistant" },
      { systemId: "ranker", entityRef: "component:default/ranker" },
      { systemId: "resource:features", entityRef: "resource:default/features" },
    ]);
    expect(plan.summary.notMlSystems).toBe(1);
  });

  it("says to check the token when it is refused, or to set one when it is missing", async () => {
    const { baseUrl } = await start();
    await expect(fetchCatalogueEntities({ baseUrl, token: "wrong" })).rejects.toThrow(
      `${baseUrl}/api/catalog answered 401: the token was refused; check MATURITY_BACKSTAGE_TOKEN`,
    );
    await expect(fetchCatalogueEntities({ baseUrl })).rejects.toThrow(
      "answered 401: the catalogue needs a token; set MATURITY_BACKSTAGE_TOKEN",
    );
  });

  it("says to check the URL when there is no catalogue there", async () => {
    const { baseUrl } = await start();
    await expect(
      fetchCatalogueEntities({ baseUrl: `${baseUrl}/backstage`, token: "s3cret" }),
    ).rejects.toThrow(/answered 404: no catalogue there; check MATURITY_BACKSTAGE_URL/);
    await backstage!.close();
    backstage = await startFakeBackstage({ entities: catalogue, html: true });
    await expect(fetchCatalogueEntities({ baseUrl: backstage.baseUrl })).rejects.toThrow(
      /did not answer with JSON: check MATURITY_BACKSTAGE_URL/,
    );
  });

  it("says when the token may not read, and when Backstage fails", async () => {
    const { baseUrl } = await start({ failWith: 403 });
    await expect(fetchCatalogueEntities({ baseUrl, token: "s3cret" })).rejects.toThrow(
      /answered 403: the token may not read the catalogue/,
    );
    await backstage!.close();
    backstage = await startFakeBackstage({ entities: catalogue, failWith: 503 });
    await expect(fetchCatalogueEntities({ baseUrl: backstage.baseUrl })).rejects.toThrow(
      /answered 503: .*try again later/,
    );
  });

  it("says when Backstage cannot be reached", async () => {
    // A port that was just free: nothing listens on it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    await expect(fetchCatalogueEntities({ baseUrl: `http://127.0.0.1:${port}` })).rejects.toThrow(
      `cannot reach http://127.0.0.1:${port}/api/catalog: ECONNREFUSED; check MATURITY_BACKSTAGE_URL and the network`,
    );
  });

  it("stops when the catalogue hands out a cursor twice", async () => {
    const looping = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ items: [], totalItems: 0, pageInfo: { nextCursor: btoa("{}") } }));
    });
    await new Promise<void>((resolve) => looping.listen(0, "127.0.0.1", resolve));
    const { port } = looping.address() as AddressInfo;
    try {
      await expect(fetchCatalogueEntities({ baseUrl: `http://127.0.0.1:${port}` })).rejects.toThrow(
        /returned the same page cursor twice/,
      );
    } finally {
      await new Promise((resolve) => looping.close(resolve));
    }
  });
});
