import type { MaturityEvent } from "@maturity/model";
import { exampleEvents, unmappedSubject } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { suiteDatabase, type Driver } from "../testing/suite-database.ts";
import { appendEvents } from "./event-store.ts";
import { eventsAsOf, eventsForSystemAsOf } from "./portal.ts";
import { saveSourceMappings } from "./source-mappings.ts";

const asOf = "2026-11-24T00:00:00.000Z";

function make(id: string, type: MaturityEvent["type"], subject: string): MaturityEvent {
  return {
    ...exampleEvents.find((example) => example.type === type)!,
    id,
    source: "test://portal-routing",
    time: "2026-11-01T00:00:00.000Z",
    subject,
  } as MaturityEvent;
}

// A system's own event, events of a mapped native id of every kind, one of an id no mapping names,
// another system's event, and a GPU queue's policy.
const own = make("own", "ci.pipeline.completed", "fraud-scoring");
const mapped = [
  make("repo", "ci.pipeline.completed", unmappedSubject({ kind: "repo", id: "org/fraud" })),
  make(
    "model",
    "registry.model_version.registered",
    unmappedSubject({ kind: "registryModel", id: "fraud-xgb" }),
  ),
  make("service", "deploy.completed", unmappedSubject({ kind: "service", id: "fraud-api" })),
  make("queue-job", "gpu.job.admitted", unmappedSubject({ kind: "gpuQueue", id: "risk-gpu" })),
];
const waiting = make("waiting", "ci.pipeline.completed", unmappedSubject({ kind: "repo", id: "org/nobody" }));
const other = make("other", "ci.pipeline.completed", "churn-model");
const policy = make("policy", "gpu.queue.configured", "risk-gpu");

describe.each<Driver>(["postgres", "pglite"])("point-in-time events, routed to systems (%s)", (driver) => {
  const database = suiteDatabase(driver);

  it("re-address mapped native ids, leave out those no mapping names, and keep queue policies as they are", async () => {
    await database().db.transaction(async (tx) => {
      await appendEvents(tx, [own, ...mapped, waiting, other, policy], asOf);
      await saveSourceMappings(
        tx,
        ["repo:org/fraud", "registryModel:fraud-xgb", "service:fraud-api", "gpuQueue:risk-gpu"].map(
          (ref) => ({
            ref,
            systemId: "fraud-scoring",
          }),
        ),
      );
    });
    const readdressed = mapped.map((event) => ({ ...event, subject: "fraud-scoring" }));
    const byId = (events: MaturityEvent[]) => [...events].sort((a, b) => a.id.localeCompare(b.id));

    expect(byId(await eventsForSystemAsOf(database().db, "fraud-scoring", asOf))).toEqual(
      byId([own, ...readdressed, policy]),
    );
    expect(byId(await eventsAsOf(database().db, asOf))).toEqual(byId([own, ...readdressed, other, policy]));
    expect(await eventsAsOf(database().db, "2026-10-01T00:00:00.000Z")).toEqual([]);
  });
});
