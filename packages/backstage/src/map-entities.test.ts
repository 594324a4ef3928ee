import type { Entity } from "@backstage/catalog-model";
import { describe, expect, it } from "vitest";
import { mapEntities } from "./map-entities.ts";

const component = (name: string, type: string, annotations: Record<string, string> = {}): Entity => ({
  apiVersion: "backstage.io/v1alpha1",
  kind: "Component",
  metadata: { name, namespace: "default", annotations },
  spec: { type, lifecycle: "production", owner: "ml-platform" },
});

describe("mapEntities", () => {
  it("maps the ML systems, counts the rest and reports problems with place and ref", () => {
    const result = mapEntities([
      { entity: component("a", "ml-model"), file: "a.yaml", line: 1 },
      { entity: component("site", "website"), file: "a.yaml", line: 10 },
      { entity: component("b", "service", { "maturity.dev/kind": "robot" }), file: "a.yaml", line: 20 },
    ]);
    expect(result.systems.map((system) => system.systemId)).toEqual(["a"]);
    expect(result.notMlSystems).toBe(1);
    expect(result.problems).toEqual([
      {
        file: "a.yaml",
        line: 20,
        entityRef: "component:default/b",
        reason: expect.stringContaining("maturity.dev/kind"),
      },
    ]);
  });

  it("keeps the first of two entities with one system id and reports the second, naming both", () => {
    const result = mapEntities([
      { entity: component("a", "ml-model", { "maturity.dev/system-id": "fraud" }), file: "a.yaml", line: 1 },
      { entity: component("b", "llm-app", { "maturity.dev/system-id": "fraud" }), file: "b.yaml", line: 7 },
    ]);
    expect(result.systems.map((system) => system.entityRef)).toEqual(["component:default/a"]);
    expect(result.problems).toEqual([
      {
        file: "b.yaml",
        line: 7,
        entityRef: "component:default/b",
        reason:
          'system id "fraud" is already component:default/a\'s (a.yaml:1); give one of them a maturity.dev/system-id annotation',
      },
    ]);
  });
});
