// The OpenAPI document is structurally sound OpenAPI 3.1: its parts are there, every $ref
// resolves, operations are named once and declare their path parameters and security schemes, and
// every example follows its own schema (ajv, draft 2020-12).
import { publishedSchema } from "@maturity/model/contracts";
import { describe, expect, it } from "vitest";
import { openApiValidator } from "../../test/openapi-validator.ts";
import { ingestOpenApiDocument } from "./document.ts";

type Json = Record<string, unknown>;
const document = ingestOpenApiDocument();
const paths = document.paths as Record<string, Record<string, Json>>;
const components = document.components as Record<string, Record<string, Json>>;
const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const operations = Object.entries(paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => methods.includes(method))
    .map(([method, operation]) => ({ label: `${method.toUpperCase()} ${path}`, path, operation })),
);

/** Every `$ref` in the document, with where it is. */
function refs(value: unknown, at = "#"): { at: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => refs(item, `${at}/${index}`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === "$ref" && typeof child === "string" ? [{ at, ref: child }] : refs(child, `${at}/${key}`),
  );
}

function resolvePointer(pointer: string): unknown {
  let node: unknown = document;
  for (const token of pointer.slice(2).split("/")) {
    const key = decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~");
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Json)[key];
  }
  return node;
}

/** Every media type with a schema and examples: request bodies and responses. */
function mediaTypes(): { label: string; schema: Json; values: unknown[] }[] {
  return operations.flatMap(({ label, operation }) => {
    const body = (operation.requestBody as { content?: Record<string, Json> } | undefined)?.content ?? {};
    const responses = Object.entries((operation.responses ?? {}) as Record<string, Json>).map(
      ([status, response]) =>
        [
          status,
          (response.$ref === undefined ? response : resolvePointer(response.$ref as string)) as Json,
        ] as const,
    );
    const contents = [
      ...Object.entries(body).map(([type, content]) => [`${label} request ${type}`, content] as const),
      ...responses.flatMap(([status, response]) =>
        Object.entries((response.content ?? {}) as Record<string, Json>).map(
          ([type, content]) => [`${label} ${status} ${type}`, content] as const,
        ),
      ),
    ];
    return contents.flatMap(([where, content]) => {
      const values = [
        ...("example" in content ? [content.example] : []),
        ...Object.values((content.examples ?? {}) as Record<string, { value: unknown }>).map(
          (example) => example.value,
        ),
      ];
      return content.schema === undefined || values.length === 0
        ? []
        : [{ label: where, schema: content.schema as Json, values }];
    });
  });
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with info, paths and components", () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(Object.keys(paths).every((path) => path.startsWith("/"))).toBe(true);
    expect(Object.keys(components)).toEqual(
      expect.arrayContaining(["schemas", "responses", "securitySchemes"]),
    );
  });

  it("has every $ref resolve inside it", () => {
    const all = refs(document);
    expect(all.length).toBeGreaterThan(50);
    const broken = all.filter(({ ref }) => !ref.startsWith("#/") || resolvePointer(ref) === undefined);
    expect(broken).toEqual([]);
  });

  it("names each operation once and declares its path parameters and security schemes", () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === "string")).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { label, path, operation } of operations) {
      expect(Object.keys(operation.responses as Json).length, label).toBeGreaterThan(0);
      const declared = ((operation.parameters ?? []) as Json[])
        .filter((p) => p.in === "path")
        .map((p) => p.name);
      expect(declared.sort(), label).toEqual(
        [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort(),
      );
      const tags = (document.tags as { name: string }[]).map((tag) => tag.name);
      for (const tag of operation.tags as string[]) expect(tags, label).toContain(tag);
      for (const requirement of (operation.security ?? []) as Json[]) {
        for (const scheme of Object.keys(requirement))
          expect(components.securitySchemes, label).toHaveProperty(scheme);
      }
    }
  });

  it("embeds each event type's published schema as it is served", () => {
    for (const [name, schema] of Object.entries(components.schemas!)) {
      const published = publishedSchema(`${name}.json`);
      if (published !== undefined) expect(schema, name).toEqual(published);
    }
    expect(components.schemas).toHaveProperty(["deploy.completed"]);
  });

  const validator = openApiValidator(document);
  it.each(mediaTypes().map((media) => [media.label, media] as const))(
    "%s: its examples follow its schema",
    (_label, media) => {
      for (const value of media.values) expect(validator.checkWith(media.schema, value).errors).toBe("");
    },
  );

  it("documents a schema that would catch a broken example", () => {
    const broken = {
      specversion: "1.0",
      type: "deploy.completed",
      id: "x",
      source: "y",
      subject: "z",
      data: {},
    };
    expect(validator.checkWith({ $ref: "#/components/schemas/CloudEvent" }, broken).valid).toBe(false);
  });
});
