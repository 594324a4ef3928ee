import { publishedSchema, schemaIndex } from "@maturity/model/contracts";
import { eventTypes } from "@maturity/model";
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, testTokens, type Harness } from "../../test/harness.ts";
import { ingestOpenApiDocument } from "../openapi/document.ts";

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

// Bearer auth on: the contracts must be readable without a token all the same.
const open = async () => (harness = await startHarness({ config: { bearerAuth: true, tokens: testTokens } }));
const get = (url: string) => harness.app.inject({ method: "GET", url });

describe("GET /v1/schemas", () => {
  it("lists every event type's schema and the report's, without a token", async () => {
    await open();
    const response = await get("/v1/schemas");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(response.json()).toEqual(schemaIndex());
    expect(response.json().schemas).toHaveLength(eventTypes.length + 1);
  });

  it.each(["deploy.completed.json", "catalog.system.registered.json", "score-report.json"])(
    "serves %s as generated, as a JSON Schema document",
    async (file) => {
      await open();
      const response = await get(`/v1/schemas/${file}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toMatch(/^application\/schema\+json/);
      expect(response.json()).toEqual(publishedSchema(file));
      expect(response.json().$id).toBe(`/v1/schemas/${file}`);
    },
  );

  it.each(["deploy.done.json", "deploy.completed", "__proto__"])(
    "answers 404 for %s, naming the known schemas",
    async (file) => {
      await open();
      const response = await get(`/v1/schemas/${file}`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: "not_found" });
      expect(response.json().message).toContain(`no schema "${file}"`);
      expect(response.json().message).toContain("deploy.completed.json");
      expect(response.json().message).toContain("score-report.json");
    },
  );
});

describe("GET /v1/openapi.json", () => {
  it("serves the document, without a token", async () => {
    await open();
    const response = await get("/v1/openapi.json");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(ingestOpenApiDocument());
  });
});
