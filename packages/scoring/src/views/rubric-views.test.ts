// The rubric names populations and their fields; scoring's views must provide every one of them,
// or a renamed column would silently leave the criteria that name it unmet.
import { exampleEvents, type MaturityEvent } from "@maturity/model";
import {
  fieldsNamed,
  leafRules,
  populationNames,
  populations,
  rubric,
  type CriterionDefinition,
  type EvidenceKind,
  type Population,
} from "@maturity/model/rubric";
import { describe, expect, it } from "vitest";
import { evolveSystem } from "../facts/fold.ts";
import { initialSystemFacts } from "../facts/initial.ts";
import { resolveIdentity } from "./catalog.ts";
import { PopulationViews } from "./populations.ts";

/** The columns of a population's view, or why scoring has none. */
type ViewFields = (population: Population, scope: EvidenceKind) => ReadonlySet<string> | Error;

/** Each population or field a criterion names that the views do not provide, naming both. */
function unprovided(criteria: readonly CriterionDefinition[], viewFields: ViewFields): string[] {
  const missing: string[] = [];
  for (const c of criteria) {
    for (const rule of leafRules(c)) {
      if (rule.rule === "metric") continue;
      const fields = viewFields(rule.of, c.evidence);
      if (fields instanceof Error) {
        missing.push(`${c.id}: population ${rule.of} (${fields.message})`);
        continue;
      }
      for (const field of fieldsNamed(rule))
        if (!fields.has(field)) missing.push(`${c.id}: ${rule.of}.${field}`);
    }
  }
  return missing;
}

// One system with an event of every type, so that every view has rows (a view without rows may
// leave its columns out).
const asOf = Date.parse("2100-01-01T00:00:00Z");
const facts = initialSystemFacts("every-kind");
for (const event of exampleEvents) evolveSystem(facts, { ...event, subject: "every-kind" } as MaturityEvent);

const scoringViews: ViewFields = (population, scope) => {
  const views = new PopulationViews({
    facts,
    identity: resolveIdentity(facts, asOf),
    queues: {},
    asOf,
    windowStart: -Infinity,
  });
  try {
    return new Set(Object.keys(views.get(population, scope).cols));
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
};

describe("scoring's views and the rubric", () => {
  it("provide every population and field a criterion names", () => {
    expect(unprovided(rubric.criteria, scoringViews)).toEqual([]);
  });

  it("provide every field the rubric's populations expose", () => {
    const missing: string[] = [];
    for (const population of populationNames) {
      const fields = scoringViews(population, "state");
      if (fields instanceof Error) missing.push(`population ${population} (${fields.message})`);
      else
        for (const field of populations[population])
          if (!fields.has(field)) missing.push(`${population}.${field}`);
    }
    expect(missing).toEqual([]);
  });

  it("name the criterion and the population or field a view lacks", () => {
    const renamed: ViewFields = (population, scope) => {
      if (population === "rollbacks") return new Error("no such view");
      const fields = scoringViews(population, scope);
      if (fields instanceof Error || population !== "productionDeploys") return fields;
      return new Set([...fields].filter((field) => field !== "gatedByEval"));
    };
    const missing = unprovided(rubric.criteria, renamed);
    expect(missing).toContain("deployment.l4.promotions-gated: productionDeploys.gatedByEval");
    expect(missing.some((line) => line.includes(": population rollbacks (no such view)"))).toBe(true);
  });
});
