import type { Entity } from "@backstage/catalog-model";
import { describe, expect, it } from "vitest";
import { mapEntity, type EntityMapping } from "./map-entity.ts";
import type { MappedSystem } from "./mapped-system.ts";

interface Shape {
  kind?: string;
  name?: string;
  namespace?: string;
  title?: string;
  description?: string;
  uid?: string;
  annotations?: Record<string, string>;
  spec?: Record<string, unknown>;
}

function entity(shape: Shape = {}): Entity {
  return {
    apiVersion: "backstage.io/v1alpha1",
    kind: shape.kind ?? "Component",
    metadata: {
      name: shape.name ?? "fraud-scorer",
      ...(shape.namespace !== undefined && { namespace: shape.namespace }),
      ...(shape.title !== undefined && { title: shape.title }),
      ...(shape.description !== undefined && { description: shape.description }),
      ...(shape.uid !== undefined && { uid: shape.uid }),
      ...(shape.annotations !== undefined && { annotations: shape.annotations }),
    },
    spec: { type: "ml-service", lifecycle: "production", owner: "ml-platform", ...shape.spec },
  };
}

function system(shape: Shape = {}): MappedSystem {
  const mapping = mapEntity({ entity: entity(shape), file: "catalog-info.yaml", line: 3 });
  if (mapping.status !== "system") throw new Error(`expected a system, got ${JSON.stringify(mapping)}`);
  return mapping.system;
}

function mapped(shape: Shape): EntityMapping {
  return mapEntity({ entity: entity(shape) });
}

describe("mapEntity: which entities are ML systems", () => {
  it("takes components and resources whose spec.type is listed, with that kind", () => {
    expect(system({ spec: { type: "ml-model" } }).kind).toBe("classical");
    expect(system({ spec: { type: "ml-service" } }).kind).toBe("classical");
    expect(system({ spec: { type: "llm-service" } }).kind).toBe("llm");
    expect(system({ spec: { type: "llm-app" } }).kind).toBe("llm");
    expect(system({ kind: "Resource", spec: { type: "agent" } }).kind).toBe("agent");
  });

  it("takes any component or resource with maturity.dev/kind, which wins over spec.type", () => {
    expect(system({ spec: { type: "service" }, annotations: { "maturity.dev/kind": "agent" } }).kind).toBe(
      "agent",
    );
    expect(system({ spec: { type: "ml-model" }, annotations: { "maturity.dev/kind": "llm" } }).kind).toBe(
      "llm",
    );
  });

  it("leaves the rest out", () => {
    expect(mapped({ spec: { type: "website" } })).toEqual({ status: "not-ml" });
    expect(mapped({ spec: { type: "constructor" } })).toEqual({ status: "not-ml" });
    expect(mapped({ kind: "System", spec: { type: "ml-model" } })).toEqual({ status: "not-ml" });
    expect(mapped({ kind: "Group", annotations: { "maturity.dev/kind": "llm" } })).toEqual({
      status: "not-ml",
    });
  });

  it("reads spec.type through the options' list", () => {
    const options = { types: { forecaster: "classical" as const } };
    expect(mapEntity({ entity: entity({ spec: { type: "forecaster" } }) }, options)).toMatchObject({
      status: "system",
      system: { kind: "classical" },
    });
    expect(mapEntity({ entity: entity({ spec: { type: "ml-model" } }) }, options)).toEqual({
      status: "not-ml",
    });
  });

  it("refuses a kind annotation it does not know, naming it and the kinds there are", () => {
    expect(mapped({ annotations: { "maturity.dev/kind": "deep-learning" } })).toEqual({
      status: "problem",
      reason: 'maturity.dev/kind: expected classical|llm|agent, got "deep-learning"',
    });
  });
});

describe("mapEntity: the system id", () => {
  it("is the short ref, lowercased", () => {
    expect(system({ name: "Fraud-Scorer" }).systemId).toBe("fraud-scorer");
    expect(system({ namespace: "default" }).systemId).toBe("fraud-scorer");
    expect(system({ namespace: "payments" }).systemId).toBe("payments/fraud-scorer");
    expect(system({ kind: "Resource", name: "feature-store" }).systemId).toBe("resource:feature-store");
    expect(system({ kind: "Resource", name: "feature-store", namespace: "payments" }).systemId).toBe(
      "resource:payments/feature-store",
    );
  });

  it("is maturity.dev/system-id when given, as written", () => {
    expect(system({ annotations: { "maturity.dev/system-id": "Fraud-Scoring" } }).systemId).toBe(
      "Fraud-Scoring",
    );
  });

  it("refuses a system id that cannot be a subject", () => {
    expect(mapped({ annotations: { "maturity.dev/system-id": "unmapped:repo:x" } })).toMatchObject({
      status: "problem",
      reason: expect.stringMatching(/^maturity.dev\/system-id: must not start with "unmapped:"/),
    });
    expect(mapped({ annotations: { "maturity.dev/system-id": "x".repeat(201) } })).toEqual({
      status: "problem",
      reason: "maturity.dev/system-id: expected at most 200 characters",
    });
  });
});

describe("mapEntity: owner and team", () => {
  it("gives the owner as a full ref, a bare name being a group in the entity's namespace", () => {
    expect(system().owner).toBe("group:default/ml-platform");
    expect(system({ spec: { owner: "user:jane" } }).owner).toBe("user:default/jane");
    expect(system({ namespace: "payments", spec: { owner: "risk" } }).owner).toBe("group:payments/risk");
  });

  it("refuses an owner or system that is not an entity ref", () => {
    expect(mapped({ spec: { owner: "group:default/" } })).toEqual({
      status: "problem",
      reason:
        'spec.owner: Entity reference "group:default/" was not on the form [<kind>:][<namespace>/]<name>',
    });
    expect(mapped({ spec: { system: "system:" } })).toMatchObject({
      status: "problem",
      reason: expect.stringMatching(/^spec\.system: Entity reference "system:"/),
    });
  });

  it("takes the team from maturity.dev/team, then spec.system, then the namespace, then the owner", () => {
    const annotations = { "maturity.dev/team": "Payments Risk" };
    expect(system({ annotations, namespace: "x", spec: { system: "y" } }).team).toBe("Payments Risk");
    expect(system({ namespace: "x", spec: { system: "system:default/payments" } }).team).toBe("payments");
    expect(system({ spec: { system: "payments" } }).team).toBe("payments");
    expect(system({ namespace: "checkout" }).team).toBe("checkout");
    expect(system({ spec: { owner: "group:default/ml-platform" } }).team).toBe("ml-platform");
  });
});

describe("mapEntity: the entry", () => {
  it("names the system by title, else by name, and keeps the description", () => {
    expect(system({ title: "Fraud scorer", description: "Scores payments." })).toMatchObject({
      name: "Fraud scorer",
      description: "Scores payments.",
    });
    const plain = system();
    expect(plain.name).toBe("fraud-scorer");
    expect(plain).not.toHaveProperty("description");
  });

  it("takes the risk tier from maturity.dev/risk-tier, else assumes minimal and says so", () => {
    expect(system({ annotations: { "maturity.dev/risk-tier": "high" } })).toMatchObject({
      riskTier: "high",
      riskTierAssumed: false,
    });
    expect(system()).toMatchObject({ riskTier: "minimal", riskTierAssumed: true });
    expect(mapped({ annotations: { "maturity.dev/risk-tier": "severe" } })).toEqual({
      status: "problem",
      reason: 'maturity.dev/risk-tier: expected minimal|limited|high, got "severe"',
    });
  });

  it("keeps the entity's ref, uid and place", () => {
    expect(system({ namespace: "Payments", uid: "0b5c" })).toMatchObject({
      entityRef: "component:payments/fraud-scorer",
      uid: "0b5c",
      file: "catalog-info.yaml",
      line: 3,
    });
  });
});

describe("mapEntity: sources", () => {
  it("reads repos, registry models and services from the annotations, deduplicated and sorted", () => {
    const { sources } = system({
      annotations: {
        "github.com/project-slug": "acme/fraud-scorer",
        "backstage.io/source-location": "url:https://github.com/acme/fraud-scorer/tree/main/model",
        "mlflow.org/registered-models": "fraud-xgb, anomaly-iforest,,fraud-xgb",
        "pagerduty.com/service-id": "PFRAUD1",
      },
    });
    expect(sources).toEqual({
      repos: ["acme/fraud-scorer"],
      registryModels: ["anomaly-iforest", "fraud-xgb"],
      services: ["PFRAUD1"],
    });
  });

  it("takes a GitLab project from the source location, and ignores other locations", () => {
    const gitlab = "url:https://gitlab.com/acme/risk/fraud/-/tree/main";
    expect(system({ annotations: { "backstage.io/source-location": gitlab } }).sources).toEqual({
      repos: ["acme/risk/fraud"],
    });
    const other = "url:https://bitbucket.org/acme/fraud/src/main";
    expect(system({ annotations: { "backstage.io/source-location": other } }).sources).toEqual({});
  });

  it("refuses a project slug that is not owner/repo", () => {
    expect(mapped({ annotations: { "github.com/project-slug": "fraud-scorer" } })).toEqual({
      status: "problem",
      reason: 'github.com/project-slug: expected owner/repo, got "fraud-scorer"',
    });
  });
});

describe("mapEntity: the content hash", () => {
  it("changes with what is imported, not with where the entity was read", () => {
    const hash = system().contentHash;
    expect(mapEntity({ entity: entity(), file: "other.yaml", line: 90 })).toMatchObject({
      system: { contentHash: hash },
    });
    expect(system({ description: "new" }).contentHash).not.toBe(hash);
    expect(system({ spec: { owner: "risk" } }).contentHash).not.toBe(hash);
  });
});
