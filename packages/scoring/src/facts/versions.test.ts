import type { MaturityEvent } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { systemEvents } from "../../bench/generate.ts";
import { evolveSystem } from "./fold.ts";
import { initialSystemFacts } from "./initial.ts";
import { kindNames, kindVersions } from "./kinds/index.ts";
import { systemFactKinds } from "./kinds/table.ts";
import type { SystemFacts } from "./types.ts";
import { eventTypesOf, refoldKinds, staleKinds } from "./versions.ts";

const asOf = Date.parse("2026-11-24T00:00:00Z");
const events: MaturityEvent[] = systemEvents(11, 400, asOf);

function folded(): SystemFacts {
  const facts = initialSystemFacts("sys-11");
  for (const event of events) evolveSystem(facts, event, { assumeNew: true });
  return facts;
}

describe("per-kind layout versions", () => {
  it("are recorded in new facts, which are then current", () => {
    expect(folded().versions).toEqual(kindVersions);
    expect(staleKinds(folded())).toEqual([]);
  });

  it("read facts stored before kinds had versions as version 1 of every kind", () => {
    const { versions: _, ...stored } = folded();
    expect(staleKinds(stored)).toEqual(kindNames.filter((name) => kindVersions[name] !== 1));
  });

  it("refold only the kinds whose version moved, from the events, keeping the others", () => {
    const stored = folded();
    expect(stored.deploys.t.length * stored.llmCalls.length).toBeGreaterThan(0);
    // Stored with an older layout of deploys and of LLM calls.
    stored.versions = { ...kindVersions, deploys: kindVersions.deploys - 1, llmCalls: 0 };
    const oldDeploys = { id: ["x"], t: [1], whatever: [true] };
    (stored as unknown as Record<string, unknown>).deploys = oldDeploys;
    const monitors = stored.monitors;
    const stale = staleKinds(stored);
    expect(stale).toEqual(["deploys", "llmCalls"]);
    expect(eventTypesOf(stale)).toEqual([
      ...systemFactKinds.deploys.events,
      ...systemFactKinds.llmCalls.events,
    ]);

    refoldKinds(stored, stale, [...events].reverse());
    expect(stored).toEqual(folded());
    expect(stored.monitors).toBe(monitors);
    expect(staleKinds(stored)).toEqual([]);
  });

  it("refold a kind the stored facts do not have (added since)", () => {
    const { versions: _, ...stored } = folded();
    delete (stored as Partial<SystemFacts>).gpuJobs;
    expect(staleKinds(stored)).toContain("gpuJobs");
    refoldKinds(stored, staleKinds(stored), events);
    expect(stored).toEqual(folded());
  });

  it("record a partial refold as such", () => {
    const stored = folded();
    stored.versions = { ...kindVersions, deploys: 0, monitors: 0 };
    refoldKinds(stored, ["deploys"], events);
    expect(staleKinds(stored)).toEqual(["monitors"]);
  });
});
