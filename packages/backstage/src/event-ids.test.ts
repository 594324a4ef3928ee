import { keyLengths } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { importEventId, type ImportEventKey } from "./event-ids.ts";

const key: ImportEventKey = {
  entity: "component:default/fraud-scorer",
  contentHash: "a".repeat(32),
  replaces: "none",
  type: "catalog.system.registered",
};

describe("importEventId", () => {
  it("is the same for the same key, and fits an event id", () => {
    expect(importEventId(key)).toBe(importEventId({ ...key }));
    expect(importEventId(key)).toMatch(/^backstage-[0-9a-f]{64}$/);
    expect(importEventId(key).length).toBeLessThanOrEqual(keyLengths.id);
  });

  it("differs when any part of the key differs", () => {
    const ids = new Set([
      importEventId(key),
      importEventId({ ...key, entity: "uid-1" }),
      importEventId({ ...key, contentHash: "b".repeat(32) }),
      importEventId({ ...key, replaces: "c".repeat(32) }),
      importEventId({ ...key, type: "gov.owner.assigned" }),
    ]);
    expect(ids.size).toBe(5);
  });
});
