import { parseEvent, formatIssues } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { organisationHistory, planOrganisation, type DemoOptions } from "./index.ts";

const end = Date.parse("2026-11-24T00:00:00Z");
const small: DemoOptions = { seed: 7, teams: 4, systems: 14, days: 30, llmCallsPerDay: 5, end };

function ndjson(options: DemoOptions): string {
  let out = "";
  for (const event of organisationHistory(planOrganisation(options), options))
    out += `${JSON.stringify(event)}\n`;
  return out;
}

describe("the demo generator", () => {
  it("is deterministic: the same seed and end give byte-identical output", () => {
    expect(ndjson(small)).toBe(ndjson({ ...small }));
  });

  it("gives a different organisation for a different seed", () => {
    expect(ndjson({ ...small, seed: 8 })).not.toBe(ndjson(small));
  });

  it("emits only valid catalogue events, none after the end, ids unique, every system registered first", () => {
    const options = { ...small, systems: 40, teams: 8, days: 60 };
    const plan = planOrganisation(options);
    const ids = new Set<string>();
    const registered = new Set<string>();
    let evidenceSeen = false;
    for (const event of organisationHistory(plan, options)) {
      const parsed = parseEvent(JSON.parse(JSON.stringify(event)));
      if (!parsed.ok) expect.fail(`${event.type} ${event.id}: ${formatIssues(parsed.issues)}`);
      expect(Date.parse(event.time)).toBeLessThanOrEqual(end);
      expect(ids.has(`${event.source}|${event.id}`)).toBe(false);
      ids.add(`${event.source}|${event.id}`);
      if (event.type === "catalog.system.registered") {
        expect(evidenceSeen, "registrations come before any evidence").toBe(false);
        registered.add(event.subject);
      } else if (event.type !== "gpu.queue.configured") {
        evidenceSeen = true;
        expect(registered.has(event.subject)).toBe(true);
      }
    }
    expect(registered.size).toBe(40);
  });

  it("plans the requested teams and systems with every kind, unique ids, and a few mismatched teams", () => {
    const plan = planOrganisation({ seed: 3, teams: 12, systems: 80 });
    expect(plan.teams).toHaveLength(12);
    expect(plan.systems).toHaveLength(80);
    expect(new Set(plan.systems.map((s) => s.systemId)).size).toBe(80);
    expect(new Set(plan.systems.map((s) => s.kind))).toEqual(new Set(["classical", "llm", "agent"]));
    expect(new Set(plan.systems.map((s) => s.team)).size).toBe(12);
    expect(plan.mismatchedTeams.length).toBeGreaterThanOrEqual(1);
    expect(plan.mismatchedTeams.length).toBeLessThan(12 / 2);
  });
});
