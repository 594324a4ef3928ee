import { describe, expect, it } from "vitest";
import type { Entity } from "@backstage/catalog-model";
import { validateEntities, validateEntity } from "./validate-entity.ts";

const component = (overrides: Partial<Entity> = {}): Entity => ({
  apiVersion: "backstage.io/v1alpha1",
  kind: "Component",
  metadata: { name: "fraud-scorer" },
  spec: { type: "ml-service", lifecycle: "production", owner: "ml-platform" },
  ...overrides,
});

async function reason(entity: unknown): Promise<string> {
  const result = await validateEntity(entity);
  if (result.ok) throw new Error("expected the entity to be refused");
  return result.reason;
}

describe("validateEntity", () => {
  it("accepts a valid component and fills in the default namespace", async () => {
    const result = await validateEntity(component());
    expect(result).toEqual({
      ok: true,
      entity: { ...component(), metadata: { name: "fraud-scorer", namespace: "default" } },
    });
  });

  it("leaves the caller's entity as it was", async () => {
    const input = component();
    await validateEntity(input);
    expect(input.metadata.namespace).toBeUndefined();
  });

  it("refuses a name Backstage refuses, without catalog-model's link", async () => {
    const text = await reason(component({ metadata: { name: "fraud scorer" } }));
    expect(text).toMatch(/^"metadata.name" is not valid; expected .* but found "fraud scorer"\.$/);
  });

  it("refuses a component without an owner (the kind's own schema)", async () => {
    expect(await reason(component({ spec: { type: "ml-service", lifecycle: "production" } }))).toMatch(
      /must have required property 'owner'/,
    );
  });

  it("refuses a resource without a type", async () => {
    expect(await reason(component({ kind: "Resource", spec: { owner: "x" } }))).toMatch(
      /required property 'type'/,
    );
  });

  it("refuses a field Backstage does not know at the root", async () => {
    expect(await reason({ ...component(), owner: "x" })).toBe("Unknown field owner");
  });

  it("refuses what has no metadata or is not an entity at all", async () => {
    expect(await reason({ apiVersion: "backstage.io/v1alpha1", kind: "Component" })).toMatch(/metadata/);
    expect(await reason("Component")).toBe(
      "expected an entity (apiVersion, kind, metadata, spec), got a string",
    );
    expect(await reason([component()])).toMatch(/got a list$/);
  });

  it("refuses a built-in kind spelt or versioned in a way Backstage does not know", async () => {
    expect(await reason(component({ kind: "component" }))).toBe(
      'kind "component" with apiVersion "backstage.io/v1alpha1" is not one Backstage knows; expected kind Component with apiVersion backstage.io/v1alpha1 or backstage.io/v1beta1',
    );
    expect(await reason(component({ apiVersion: "backstage.io/v2" }))).toMatch(
      /apiVersion "backstage.io\/v2"/,
    );
  });

  it("accepts the other built-in kinds and kinds catalog-model does not know", async () => {
    const entities: Entity[] = [
      {
        apiVersion: "backstage.io/v1alpha1",
        kind: "Group",
        metadata: { name: "g" },
        spec: { type: "team", children: [] },
      },
      { apiVersion: "backstage.io/v1alpha1", kind: "User", metadata: { name: "u" }, spec: { memberOf: [] } },
      { apiVersion: "backstage.io/v1alpha1", kind: "System", metadata: { name: "s" }, spec: { owner: "g" } },
      { apiVersion: "scaffolder.backstage.io/v1beta3", kind: "Template", metadata: { name: "t" }, spec: {} },
    ];
    for (const entity of entities) expect((await validateEntity(entity)).ok).toBe(true);
  });
});

describe("validateEntities", () => {
  it("keeps the valid ones and reports the others with their place and ref", async () => {
    const result = await validateEntities([
      { entity: component(), file: "a.yaml", line: 1 },
      { entity: component({ metadata: { name: "bad name", namespace: "risk" } }), file: "a.yaml", line: 9 },
      { entity: { kind: "Component" } as Entity, file: "a.yaml", line: 20 },
    ]);
    expect(result.valid.map((e) => [e.entity.metadata.name, e.line])).toEqual([["fraud-scorer", 1]]);
    expect(result.problems).toEqual([
      {
        file: "a.yaml",
        line: 9,
        entityRef: "component:risk/bad name",
        reason: expect.stringContaining("metadata.name"),
      },
      { file: "a.yaml", line: 20, reason: expect.any(String) },
    ]);
  });
});
