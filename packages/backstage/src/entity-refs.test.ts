import type { Entity } from "@backstage/catalog-model";
import { describe, expect, it } from "vitest";
import { entityRefOf, nameOfRef, referencedEntity, shortEntityRef } from "./entity-refs.ts";

const entity = (kind: string, name: string, namespace?: string): Entity => ({
  apiVersion: "backstage.io/v1alpha1",
  kind,
  metadata: { name, ...(namespace !== undefined && { namespace }) },
  spec: {},
});

describe("shortEntityRef", () => {
  it("leaves out the Component kind and the default namespace", () => {
    expect(shortEntityRef(entity("Component", "fraud-scorer"))).toBe("fraud-scorer");
    expect(shortEntityRef(entity("Component", "fraud-scorer", "default"))).toBe("fraud-scorer");
    expect(shortEntityRef(entity("Component", "fraud-scorer", "payments"))).toBe("payments/fraud-scorer");
    expect(shortEntityRef(entity("Resource", "feature-store"))).toBe("resource:feature-store");
    expect(shortEntityRef(entity("Resource", "feature-store", "payments"))).toBe(
      "resource:payments/feature-store",
    );
  });

  it("lowercases, as Backstage compares refs without case", () => {
    expect(shortEntityRef(entity("Component", "Fraud_Scorer.v2", "Payments"))).toBe(
      "payments/fraud_scorer.v2",
    );
  });
});

describe("entityRefOf", () => {
  it("reads the ref of anything with a kind and a name, valid or not", () => {
    expect(entityRefOf({ kind: "Component", metadata: { name: "fraud scorer" } })).toBe(
      "component:default/fraud scorer",
    );
    expect(entityRefOf({ kind: "Resource", metadata: { name: "x", namespace: "ns" } })).toBe("resource:ns/x");
  });

  it("is undefined without a kind or a name", () => {
    expect(entityRefOf({ metadata: { name: "x" } })).toBeUndefined();
    expect(entityRefOf({ kind: "Component", metadata: {} })).toBeUndefined();
    expect(entityRefOf({ kind: "Component" })).toBeUndefined();
    expect(entityRefOf("Component")).toBeUndefined();
    expect(entityRefOf(null)).toBeUndefined();
  });
});

describe("referencedEntity", () => {
  it("gives a bare name the default kind and the entity's namespace", () => {
    expect(referencedEntity(entity("Component", "x"), "ml-platform", "Group")).toBe(
      "group:default/ml-platform",
    );
    expect(referencedEntity(entity("Component", "x", "payments"), "risk", "Group")).toBe(
      "group:payments/risk",
    );
  });

  it("keeps what the ref says", () => {
    expect(referencedEntity(entity("Component", "x", "payments"), "user:default/jane", "Group")).toBe(
      "user:default/jane",
    );
    expect(referencedEntity(entity("Component", "x"), "Group:Default/ML-Platform", "Group")).toBe(
      "group:default/ml-platform",
    );
  });
});

describe("nameOfRef", () => {
  it("is the name part", () => {
    expect(nameOfRef("group:default/ml-platform")).toBe("ml-platform");
    expect(nameOfRef("system:payments/ledger")).toBe("ledger");
  });
});
