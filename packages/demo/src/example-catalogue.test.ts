import { readFile } from "node:fs/promises";
import { planBackstageImport, readEntityFiles } from "@maturity/backstage";
import { describe, expect, it } from "vitest";
import { exampleCataloguePath, renderExampleCatalogue } from "./example-catalogue.ts";
import { demoDefaults } from "./options.ts";
import { planOrganisation } from "./organisation.ts";

describe("the demo organisation's Backstage catalogue", () => {
  it("is current in examples/backstage", async () => {
    const written = await readFile(exampleCataloguePath, "utf8").catch(() => "(missing)");
    expect(written, "stale: run `npm run docs -w @maturity/demo`").toBe(renderExampleCatalogue());
  });

  it("imports every system of the plan as the demo registers it, and nothing else", async () => {
    const plan = planOrganisation(demoDefaults);
    const read = await readEntityFiles([exampleCataloguePath]);
    expect(read.problems).toEqual([]);
    const imported = await planBackstageImport({
      entities: read.entities,
      known: [],
      location: "demo-catalogue",
      retireMissing: false,
      now: new Date("2026-06-01T00:00:00Z"),
    });
    expect(imported.summary.skipped).toEqual([]);
    expect(imported.summary.notMlSystems).toBe(plan.teams.length * 2);
    const registered = new Map(
      imported.events
        .filter((event) => event.type === "catalog.system.registered")
        .map((event) => [event.subject, event.data]),
    );
    expect(registered.size).toBe(plan.systems.length);
    for (const system of plan.systems) {
      expect(registered.get(system.systemId)).toMatchObject({
        name: system.name,
        team: system.team,
        kind: system.kind,
        riskTier: system.riskTier,
        ...(system.gpuQueue !== undefined && {
          sources: expect.objectContaining({ gpuQueues: [system.gpuQueue] }),
        }),
      });
    }
    // Systems whose governance starts below level 2 have no named owner yet (a placeholder).
    const owned = new Set(
      imported.events.filter((event) => event.type === "gov.owner.assigned").map((event) => event.subject),
    );
    for (const system of plan.systems)
      expect(owned.has(system.systemId)).toBe((system.profile.phases[0]?.levels.governance ?? 1) >= 2);
  });
});
