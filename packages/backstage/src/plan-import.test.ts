import type { Entity } from "@backstage/catalog-model";
import { parseEvent, type MaturityEvent } from "@maturity/model";
import { beforeAll, describe, expect, it } from "vitest";
import { importedSystemsFrom, type ImportedSystem } from "./imported-systems.ts";
import type { LocatedEntity } from "./located-entity.ts";
import { planBackstageImport, type ImportPlan, type PlanImportInput } from "./plan-import.ts";
import { fixtureFile, fixtureSubFile, readFixtures } from "./test/fixtures.ts";

const location = "https://backstage.acme.example";
const ownerEvents = (events: readonly MaturityEvent[]) =>
  events.filter((event) => event.type === "gov.owner.assigned").map((event) => event.subject);
const now = new Date("2026-11-24T10:00:00Z");
const later = new Date("2026-11-24T10:15:00Z");

let entities: LocatedEntity[];
beforeAll(async () => {
  const read = await readFixtures();
  expect(read.problems).toEqual([]);
  entities = read.entities;
});

function plan(input: Partial<PlanImportInput> = {}): Promise<ImportPlan> {
  return planBackstageImport({ entities, known: [], location, retireMissing: false, now, ...input });
}

/** The fixtures with one entity changed (a deep copy, so the others stay as read). */
function changed(name: string, change: (entity: Entity) => void): LocatedEntity[] {
  return entities.map((located) => {
    if (located.entity.metadata.name !== name) return located;
    const entity = structuredClone(located.entity);
    change(entity);
    return { ...located, entity };
  });
}

function without(name: string): LocatedEntity[] {
  return entities.filter((located) => located.entity.metadata.name !== name);
}

const known = (...plans: ImportPlan[]): ImportedSystem[] =>
  importedSystemsFrom(
    plans.flatMap((p) => p.events),
    location,
  );

const types = (events: readonly MaturityEvent[]) => events.map((event) => `${event.type} ${event.subject}`);

describe("planBackstageImport: a first import", () => {
  let first: ImportPlan;
  beforeAll(async () => {
    first = await plan();
  });

  it("registers every ML system with its owner, in the order of the files", () => {
    expect(types(first.events)).toEqual([
      "catalog.system.registered fraud-scoring",
      "gov.owner.assigned fraud-scoring",
      "catalog.system.registered resource:churn-model",
      "gov.owner.assigned resource:churn-model",
      "catalog.system.registered triage-agent",
      "gov.owner.assigned triage-agent",
      "catalog.system.registered support/support-assistant",
      "gov.owner.assigned support/support-assistant",
      "catalog.system.registered search-ranker",
      "gov.owner.assigned search-ranker",
    ]);
  });

  it("maps each entity as the README says", () => {
    const registered = Object.fromEntries(
      first.events.flatMap((event) =>
        event.type === "catalog.system.registered" ? [[event.subject, event.data]] : [],
      ),
    );
    const owners = Object.fromEntries(
      first.events.flatMap((event) =>
        event.type === "gov.owner.assigned" ? [[event.subject, event.data.owner]] : [],
      ),
    );
    expect(registered["fraud-scoring"]).toEqual({
      name: "Fraud scorer",
      team: "payments-risk",
      kind: "classical",
      riskTier: "high",
      description: "Scores card payments for fraud in real time.",
      sources: {
        repos: ["acme/fraud-scorer"],
        registryModels: ["fraud-xgb", "fraud-xgb-challenger"],
        services: ["PFRAUD1"],
        gpuQueues: ["payments-priority"],
      },
      origin: {
        catalog: "backstage",
        location,
        entityRef: "component:default/fraud-scorer",
        contentHash: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    });
    expect(registered["resource:churn-model"]).toMatchObject({
      name: "churn-model",
      team: "retention",
      kind: "classical",
      riskTier: "limited",
      sources: { repos: ["acme/growth/churn"] },
      origin: { entityRef: "resource:default/churn-model" },
    });
    expect(registered["triage-agent"]).toMatchObject({
      name: "triage-agent",
      team: "support-ai",
      kind: "agent",
      riskTier: "minimal",
      sources: {},
    });
    expect(registered["support/support-assistant"]).toMatchObject({
      team: "support",
      kind: "llm",
      riskTier: "minimal",
      origin: { entityRef: "component:support/support-assistant" },
    });
    expect(registered["search-ranker"]).toMatchObject({
      name: "Search ranker",
      team: "search-platform",
      kind: "classical",
      sources: { repos: ["acme/search-ranker"] },
    });
    expect(owners).toEqual({
      "fraud-scoring": "group:default/ml-platform",
      "resource:churn-model": "group:default/growth",
      "triage-agent": "group:default/support-ai",
      "support/support-assistant": "group:support/support-ai",
      "search-ranker": "group:default/search",
    });
  });

  it("writes valid CloudEvents from backstage:<location>, at now, with the system as subject", () => {
    for (const event of first.events) {
      expect(parseEvent(event, { now: now.getTime() })).toEqual({ ok: true, event });
      expect(event).toMatchObject({
        specversion: "1.0",
        source: `backstage:${location}`,
        time: now.toISOString(),
        datacontenttype: "application/json",
        id: expect.stringMatching(/^backstage-[0-9a-f]{64}$/),
      });
    }
    expect(new Set(first.events.map((event) => event.id)).size).toBe(first.events.length);
  });

  it("summarises: registered with their place, skipped, not ML systems, risk tiers assumed", () => {
    expect(first.summary).toEqual({
      registered: [
        {
          systemId: "fraud-scoring",
          entityRef: "component:default/fraud-scorer",
          file: fixtureFile,
          line: 2,
        },
        {
          systemId: "resource:churn-model",
          entityRef: "resource:default/churn-model",
          file: fixtureFile,
          line: 25,
        },
        {
          systemId: "triage-agent",
          entityRef: "component:default/triage-agent",
          file: fixtureFile,
          line: 39,
        },
        {
          systemId: "support/support-assistant",
          entityRef: "component:support/support-assistant",
          file: fixtureFile,
          line: 82,
        },
        {
          systemId: "search-ranker",
          entityRef: "component:default/search-ranker",
          file: fixtureSubFile,
          line: 1,
        },
      ],
      updated: [],
      retired: [],
      notRetired: [],
      unchanged: 0,
      // The System, the Group, the User, the website and the Template.
      notMlSystems: 5,
      riskTierAssumed: ["triage-agent", "support/support-assistant", "search-ranker"],
      skipped: [
        {
          file: fixtureFile,
          line: 93,
          entityRef: "component:default/broken scorer",
          reason: expect.stringContaining('"metadata.name" is not valid'),
        },
      ],
    });
  });

  it("gives the same events, ids included, for the same inputs", async () => {
    expect(await plan()).toEqual(first);
  });

  it("gives the same ids at another time: a retried import is deduplicated by the store", async () => {
    const retried = await plan({ now: later });
    expect(retried.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
  });

  it("keys ids on the entity's uid when the catalogue gives one", async () => {
    const withUid = await plan({ entities: changed("fraud-scorer", (e) => (e.metadata.uid = "0b5c-uid")) });
    expect(withUid.events[0]!.id).not.toBe(first.events[0]!.id);
    expect(withUid.events[2]!.id).toBe(first.events[2]!.id);
  });
});

describe("planBackstageImport: the next import", () => {
  let first: ImportPlan;
  beforeAll(async () => {
    first = await plan();
  });

  it("is a no-op when nothing changed", async () => {
    const again = await plan({ known: known(first), retireMissing: true, now: later });
    expect(again.events).toEqual([]);
    expect(again.summary).toMatchObject({ registered: [], updated: [], retired: [], unchanged: 5 });
    expect(again.summary.riskTierAssumed).toEqual(first.summary.riskTierAssumed);
  });

  it("sends a changed entry whole, without an owner event when the owner is the same", async () => {
    const next = await plan({
      entities: changed("fraud-scorer", (e) => (e.metadata.description = "Scores card and wallet payments.")),
      known: known(first),
      now: later,
    });
    expect(types(next.events)).toEqual(["catalog.system.updated fraud-scoring"]);
    expect(next.events[0]!.data).toEqual({
      name: "Fraud scorer",
      team: "payments-risk",
      kind: "classical",
      riskTier: "high",
      description: "Scores card and wallet payments.",
      sources: {
        repos: ["acme/fraud-scorer"],
        registryModels: ["fraud-xgb", "fraud-xgb-challenger"],
        services: ["PFRAUD1"],
        gpuQueues: ["payments-priority"],
      },
      origin: expect.objectContaining({ entityRef: "component:default/fraud-scorer" }),
    });
    expect(next.summary).toMatchObject({
      updated: [
        {
          systemId: "fraud-scoring",
          entityRef: "component:default/fraud-scorer",
          file: fixtureFile,
          line: 2,
        },
      ],
      unchanged: 4,
    });
  });

  it("clears a description the entity no longer has", async () => {
    const next = await plan({
      entities: changed("fraud-scorer", (e) => delete e.metadata.description),
      known: known(first),
    });
    expect(next.events[0]).toMatchObject({ type: "catalog.system.updated", data: { description: "" } });
  });

  it("assigns the owner again only when it changed", async () => {
    const next = await plan({
      entities: changed("triage-agent", (e) => (e.spec!.owner = "group:default/ml-platform")),
      known: known(first),
      now: later,
    });
    expect(types(next.events)).toEqual([
      "catalog.system.updated triage-agent",
      "gov.owner.assigned triage-agent",
    ]);
    expect(next.events[1]!.data).toEqual({ owner: "group:default/ml-platform" });
  });

  it("finishes an import that stopped between a system's entry and its owner", async () => {
    const entryOnly = first.events.filter(
      (event) => !(event.type === "gov.owner.assigned" && event.subject === "triage-agent"),
    );
    const next = await plan({ known: importedSystemsFrom(entryOnly, location), now: later });
    expect(types(next.events)).toEqual(["gov.owner.assigned triage-agent"]);
    expect(next.events[0]!.data).toEqual({ owner: "group:default/support-ai" });
    expect(next.summary.unchanged).toBe(4);
  });

  it("retires a system whose entity is gone, only when asked to", async () => {
    const kept = await plan({ entities: without("triage-agent"), known: known(first), now: later });
    expect(kept.events).toEqual([]);
    expect(kept.summary.retired).toEqual([]);

    const retired = await plan({
      entities: without("triage-agent"),
      known: known(first),
      retireMissing: true,
      now: later,
    });
    expect(types(retired.events)).toEqual(["catalog.system.retired triage-agent"]);
    const lastHash = known(first).find((system) => system.systemId === "triage-agent")!.contentHash;
    expect(retired.events[0]!.data).toEqual({
      origin: {
        catalog: "backstage",
        location,
        entityRef: "component:default/triage-agent",
        contentHash: lastHash,
      },
    });
    expect(retired.summary.retired).toEqual([
      { systemId: "triage-agent", entityRef: "component:default/triage-agent" },
    ]);
    // Once retired, it stays so without further events.
    const after = await plan({
      entities: without("triage-agent"),
      known: known(first, retired),
      retireMissing: true,
    });
    expect(after.events).toEqual([]);
  });

  it("registers a retired system again when its entity comes back", async () => {
    const retired = await plan({
      entities: without("triage-agent"),
      known: known(first),
      retireMissing: true,
    });
    const back = await plan({ known: known(first, retired), retireMissing: true, now: later });
    expect(types(back.events)).toEqual([
      "catalog.system.registered triage-agent",
      "gov.owner.assigned triage-agent",
    ]);
    expect(back.events[0]!.id).not.toBe(first.events[4]!.id);
  });

  it("does not retire a system whose entity is only invalid this time", async () => {
    const broken = await plan({
      entities: changed("triage-agent", (e) => delete e.spec!.owner),
      known: known(first),
      retireMissing: true,
    });
    expect(broken.events).toEqual([]);
    expect(broken.summary.notRetired).toEqual([
      { systemId: "triage-agent", entityRef: "component:default/triage-agent" },
    ]);
    expect(broken.summary.skipped.map((problem) => problem.entityRef)).toContain(
      "component:default/triage-agent",
    );
  });

  it("retires nothing while a document could not be read at all", async () => {
    const held = await plan({
      entities: without("triage-agent"),
      problems: [{ file: "other.yaml", line: 4, column: 7, reason: "YAML syntax: bad indentation" }],
      known: known(first),
      retireMissing: true,
    });
    expect(held.events).toEqual([]);
    expect(held.summary.notRetired.map((change) => change.systemId)).toEqual(["triage-agent"]);
    expect(held.summary.skipped[0]).toEqual({
      file: "other.yaml",
      line: 4,
      column: 7,
      reason: "YAML syntax: bad indentation",
    });
  });
});

describe("planBackstageImport: returning to an earlier state", () => {
  const describedAs = (description: string) =>
    changed("fraud-scorer", (e) => (e.metadata.description = description));

  it("emits A→B→A: the third import is a change, not a replay", async () => {
    const a = await plan({ entities: describedAs("A") });
    const b = await plan({ entities: describedAs("B"), known: known(a), now: later });
    const aAgain = await plan({ entities: describedAs("A"), known: known(a, b), now: later });
    expect(types(b.events)).toEqual(["catalog.system.updated fraud-scoring"]);
    expect(types(aAgain.events)).toEqual(["catalog.system.updated fraud-scoring"]);
    const ids = [...a.events, ...b.events, ...aAgain.events].map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("emits A→B→A→B with a new id each time, when the known state names its last event", async () => {
    const a = await plan({ entities: describedAs("A") });
    const b = await plan({ entities: describedAs("B"), known: known(a) });
    const a2 = await plan({ entities: describedAs("A"), known: known(a, b) });
    const b2 = await plan({ entities: describedAs("B"), known: known(a, b, a2) });
    expect(types(b2.events)).toEqual(["catalog.system.updated fraud-scoring"]);
    expect(b2.events[0]!.id).not.toBe(b.events[0]!.id);
  });

  it("emits A→B→A from a known state without event ids (content hashes only)", async () => {
    const hashesOnly = (...plans: ImportPlan[]) =>
      known(...plans).map(({ lastEventId: _, ...system }) => system);
    const a = await plan({ entities: describedAs("A") });
    const b = await plan({ entities: describedAs("B"), known: hashesOnly(a) });
    const aAgain = await plan({ entities: describedAs("A"), known: hashesOnly(a, b) });
    expect(types(aAgain.events)).toEqual(["catalog.system.updated fraud-scoring"]);
    expect(aAgain.events[0]!.id).not.toBe(b.events[0]!.id);
    // Retried with the same known state: the same id, which the store drops as a duplicate.
    expect(
      (await plan({ entities: describedAs("A"), known: hashesOnly(a, b), now: later })).events[0]!.id,
    ).toBe(aAgain.events[0]!.id);
  });
});

describe("planBackstageImport: entities that cannot be imported", () => {
  it("skips the second of two entities with one system id and imports the rest", async () => {
    const result = await plan({
      entities: changed(
        "search-ranker",
        (e) => (e.metadata.annotations!["maturity.dev/system-id"] = "fraud-scoring"),
      ),
    });
    expect(result.summary.registered.map((change) => change.systemId)).not.toContain("search-ranker");
    expect(result.summary.registered).toHaveLength(4);
    expect(result.summary.skipped).toContainEqual({
      file: fixtureSubFile,
      line: 1,
      entityRef: "component:default/search-ranker",
      reason: expect.stringMatching(
        /^system id "fraud-scoring" is already component:default\/fraud-scorer's/,
      ),
    });
  });

  it("skips an entity whose entry does not fit an event, with the event's reason", async () => {
    const result = await plan({
      entities: changed(
        "triage-agent",
        (e) => (e.metadata.annotations!["maturity.dev/team"] = "t".repeat(600)),
      ),
    });
    expect(result.summary.registered.map((change) => change.systemId)).not.toContain("triage-agent");
    expect(types(result.events)).not.toContain("catalog.system.registered triage-agent");
    expect(result.summary.skipped).toContainEqual({
      file: fixtureFile,
      line: 39,
      entityRef: "component:default/triage-agent",
      reason: "does not fit a catalogue event: data.team: expected at most 512 characters",
    });
  });

  it("fits a long location into the source", async () => {
    const long = `https://backstage.acme.example/${"x".repeat(600)}`;
    const result = await plan({ location: long });
    expect(result.events).toHaveLength(10);
    expect(result.events[0]!.source.length).toBeLessThanOrEqual(512);
    expect(importedSystemsFrom(result.events, long)).toHaveLength(5);
  });

  it("assigns nobody for a placeholder owner, and the named owner once one is set", async () => {
    const placeholder = changed("fraud-scorer", (entity) => {
      entity.spec!.owner = "group:default/unassigned";
    });
    const first = await plan({ entities: placeholder });
    expect(first.events.map((event) => event.subject)).toContain("fraud-scoring");
    expect(ownerEvents(first.events)).not.toContain("fraud-scoring");
    const again = await plan({ entities: placeholder, known: known(first), now: later });
    expect(again.events).toEqual([]);
    const named = await plan({ known: known(first), now: later });
    expect(ownerEvents(named.events)).toEqual(["fraud-scoring"]);
  });
});
