import { describe, expect, it } from "vitest";
import { insertRow } from "../facts/columns.ts";
import { initialSystemFacts } from "../facts/initial.ts";
import { joinsFor, MetricJoins } from "./joins.ts";

function facts() {
  const f = initialSystemFacts("s");
  insertRow(f.rollbacks, "rb-1", 5, { deploymentId: "d1", automatic: true });
  insertRow(f.rollbacks, "rb-late", 50, { deploymentId: "d1", automatic: true });
  insertRow(f.incidentsOpened, "in-1", 2, {
    incidentId: "i1",
    severity: 1,
    kind: "outage",
    deploymentId: "d1",
  });
  insertRow(f.incidentsOpened, "in-2", 3, {
    incidentId: "i2",
    severity: 1,
    kind: "outage",
    deploymentId: null,
  });
  insertRow(f.incidentsResolved, "res-1", 4, { incidentId: "i1" });
  insertRow(f.incidentsResolved, "res-1b", 6, { incidentId: "i1" });
  insertRow(f.incidentsResolved, "res-2", 60, { incidentId: "i2" });
  insertRow(f.auditsDelivered, "del-1", 7, { auditId: "a1" });
  insertRow(f.auditsDelivered, "del-1b", 8, { auditId: "a1" });
  return f;
}

describe("MetricJoins", () => {
  const joins = new MetricJoins(facts(), 10);

  it("lists the rollbacks, then the incidents, naming each deploy up to `to`", () => {
    expect([...joins.namingsByDeployment()]).toEqual([
      [
        "d1",
        [
          { t: 5, id: "rb-1" },
          { t: 2, id: "in-1" },
        ],
      ],
    ]);
  });

  it("keeps the resolutions and the first delivery up to `to`", () => {
    expect([...joins.resolutionsByIncident()]).toEqual([["i1", [0, 1]]]);
    expect([...joins.firstDeliveries()]).toEqual([["a1", 0]]);
  });

  it("builds each lookup once", () => {
    expect(joins.namingsByDeployment()).toBe(joins.namingsByDeployment());
    expect(joins.resolutionsByIncident()).toBe(joins.resolutionsByIncident());
  });

  it("is reused only for the same facts and end", () => {
    expect(joinsFor(joins.facts, 10, joins)).toBe(joins);
    expect(joinsFor(joins.facts, 11, joins)).not.toBe(joins);
    expect(joinsFor(facts(), 10, joins)).not.toBe(joins);
    expect(joinsFor(joins.facts, 10, undefined)).toBeInstanceOf(MetricJoins);
  });
});
