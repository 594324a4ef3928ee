import { describe, expect, it } from "vitest";
import type { MaturityEvent } from "../events/index.ts";
import {
  catalogueChangeOf,
  catalogueIdentity,
  compareCatalogueChanges,
  type CatalogueChange,
  type CatalogueIdentity,
} from "./identity.ts";

const t0 = Date.parse("2026-11-01T00:00:00Z");
const hour = 3_600_000;

const registered: CatalogueChange = {
  id: "a-reg",
  t: t0,
  change: "registered",
  name: "Fraud",
  team: "risk",
  kind: "classical",
  riskTier: "limited",
  gpuQueues: ["q1"],
};
const updated: CatalogueChange = {
  id: "b-upd",
  t: t0 + hour,
  change: "updated",
  riskTier: "high",
  name: "Fraud v2",
};
const retired: CatalogueChange = { id: "c-ret", t: t0 + 2 * hour, change: "retired" };
const reRegistered: CatalogueChange = {
  id: "d-rereg",
  t: t0 + 3 * hour,
  change: "registered",
  name: "Fraud v3",
  team: "payments",
  kind: "llm",
  riskTier: "minimal",
};

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe("a system's catalogue identity", () => {
  it("applies registration and updates by event time", () => {
    expect(catalogueIdentity([registered, updated])).toEqual<CatalogueIdentity>({
      registered: true,
      retired: false,
      retiredAt: null,
      name: "Fraud v2",
      team: "risk",
      kind: "classical",
      riskTier: "high",
      gpuQueues: ["q1"],
    });
  });

  it("retires, and a registration after the retirement brings the system back", () => {
    expect(catalogueIdentity([registered, updated, retired])).toMatchObject({
      registered: true,
      retired: true,
      retiredAt: retired.t,
      name: "Fraud v2",
    });
    expect(catalogueIdentity([registered, updated, retired, reRegistered])).toEqual<CatalogueIdentity>({
      registered: true,
      retired: false,
      retiredAt: null,
      name: "Fraud v3",
      team: "payments",
      kind: "llm",
      riskTier: "minimal",
      gpuQueues: ["q1"],
    });
    // An update does not un-retire; a second retirement keeps the first one's time.
    const later: CatalogueChange = { id: "e", t: t0 + 4 * hour, change: "updated", team: "ops" };
    const again: CatalogueChange = { id: "f", t: t0 + 5 * hour, change: "retired" };
    expect(catalogueIdentity([registered, retired, later, again])).toMatchObject({
      retired: true,
      retiredAt: retired.t,
      team: "ops",
    });
  });

  it("is as of a time: later changes do not count yet", () => {
    const all = [registered, updated, retired, reRegistered];
    expect(catalogueIdentity(all, t0 - 1)).toEqual({ registered: false, retired: false, retiredAt: null });
    expect(catalogueIdentity(all, registered.t)).toMatchObject({
      registered: true,
      name: "Fraud",
      riskTier: "limited",
    });
    expect(catalogueIdentity(all, retired.t)).toMatchObject({ retired: true, name: "Fraud v2" });
    expect(catalogueIdentity(all, reRegistered.t - 1)).toMatchObject({ retired: true });
    expect(catalogueIdentity(all, reRegistered.t)).toMatchObject({ retired: false, team: "payments" });
  });

  it("knows a system nobody registered: no fields, not registered, possibly retired", () => {
    expect(catalogueIdentity([])).toEqual({ registered: false, retired: false, retiredAt: null });
    expect(catalogueIdentity([{ id: "u", t: t0, change: "updated", team: "risk" }])).toEqual({
      registered: false,
      retired: false,
      retiredAt: null,
      team: "risk",
    });
    expect(catalogueIdentity([retired])).toMatchObject({ registered: false, retired: true });
  });

  it("orders changes of the same instant by event id", () => {
    const x: CatalogueChange = { id: "x", t: t0, change: "registered", name: "X" };
    const y: CatalogueChange = { id: "y", t: t0, change: "updated", name: "Y" };
    expect(catalogueIdentity([y, x]).name).toBe("Y");
    expect(compareCatalogueChanges(x, y)).toBeLessThan(0);
    expect(compareCatalogueChanges(y, x)).toBeGreaterThan(0);
    expect(compareCatalogueChanges(x, x)).toBe(0);
  });

  it("does not depend on the order the changes arrive in, nor on duplicates", () => {
    const all = [registered, updated, retired, reRegistered];
    const asOfs = [t0 - 1, t0, t0 + hour, t0 + 2 * hour, t0 + 2.5 * hour, t0 + 3 * hour, Infinity];
    const expected = asOfs.map((asOf) => catalogueIdentity(all, asOf));
    for (const order of permutations(all)) {
      const twice = [...order, ...order.slice().reverse()];
      for (const [i, asOf] of asOfs.entries()) {
        expect(catalogueIdentity(order, asOf)).toEqual(expected[i]);
        expect(catalogueIdentity(twice, asOf)).toEqual(expected[i]);
      }
    }
    // The input is never reordered in place.
    const shuffled = [retired, registered];
    catalogueIdentity(shuffled);
    expect(shuffled).toEqual([retired, registered]);
  });
});

describe("catalogue changes of events", () => {
  const envelope = {
    specversion: "1.0" as const,
    id: "e1",
    source: "catalog://admin",
    time: "2026-11-01T01:00:00.000Z",
    subject: "fraud-scoring",
  };

  it("reads registration, update and retirement with their fields and times", () => {
    expect(
      catalogueChangeOf({
        ...envelope,
        type: "catalog.system.registered",
        data: {
          name: "Fraud",
          team: "risk",
          kind: "classical",
          riskTier: "high",
          description: "not identity",
          sources: { repos: ["org/x"], gpuQueues: ["q"] },
        },
      } as MaturityEvent),
    ).toEqual({
      id: "e1",
      t: t0 + hour,
      change: "registered",
      name: "Fraud",
      team: "risk",
      kind: "classical",
      riskTier: "high",
      gpuQueues: ["q"],
    });
    expect(
      catalogueChangeOf({
        ...envelope,
        type: "catalog.system.updated",
        data: { team: "ops" },
      } as MaturityEvent),
    ).toEqual({ id: "e1", t: t0 + hour, change: "updated", team: "ops" });
    expect(
      catalogueChangeOf({ ...envelope, type: "catalog.system.retired", data: {} } as MaturityEvent),
    ).toEqual({
      id: "e1",
      t: t0 + hour,
      change: "retired",
    });
    expect(
      catalogueChangeOf({
        ...envelope,
        type: "ci.pipeline.completed",
        data: { pipeline: "training", status: "succeeded", trigger: "push" },
      } as MaturityEvent),
    ).toBeUndefined();
  });
});
