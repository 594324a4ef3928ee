import { describe, expect, expectTypeOf, it } from "vitest";
import { axes, axisSchema, levelSchema } from "../kinds.ts";
import { exampleEvents } from "./examples.ts";
import {
  cloudEventSchema,
  eventDataSchemas,
  eventTypes,
  highVolumeEventTypes,
  isEventType,
  type EventOf,
  type EventType,
} from "./index.ts";

describe("event catalogue", () => {
  it("lists every type once, with a data schema for each", () => {
    expect(new Set(eventTypes).size).toBe(eventTypes.length);
    expect(eventTypes).toHaveLength(47);
    expect(Object.keys(eventDataSchemas)).toEqual([...eventTypes]);
    for (const type of highVolumeEventTypes) expect(eventTypes).toContain(type);
  });

  it("has exactly one example per type", () => {
    expect(exampleEvents.map((event) => event.type).sort()).toEqual([...eventTypes].sort());
  });

  it.each(exampleEvents.map((event) => [event.type, event] as const))(
    "accepts the %s example",
    (_, event) => {
      expect(cloudEventSchema.parse(event)).toEqual(event);
    },
  );

  it("narrows types by the discriminator", () => {
    expectTypeOf<EventOf<"deploy.completed">["data"]["status"]>().toEqualTypeOf<"succeeded" | "failed">();
    expectTypeOf<EventOf<"agent.run.completed">["data"]["terminatedCorrectly"]>().toEqualTypeOf<
      boolean | null
    >();
    expectTypeOf<(typeof eventTypes)[number]>().toEqualTypeOf<EventType>();
  });

  it("recognises event types", () => {
    expect(isEventType("deploy.completed")).toBe(true);
    expect(isEventType("deploy.started")).toBe(false);
    expect(isEventType("toString")).toBe(false);
  });

  it("treats catalog.system.updated as a partial of registered", () => {
    const schema = eventDataSchemas["catalog.system.updated"];
    expect(schema.safeParse({}).success).toBe(true);
    expect(schema.safeParse({ riskTier: "limited" }).success).toBe(true);
    expect(schema.safeParse({ riskTier: "extreme" }).success).toBe(false);
  });

  it("enforces numeric ranges", () => {
    const admitted = { queue: "q", jobId: "j", gpus: 2, waitSeconds: 1.5 };
    const gpu = eventDataSchemas["gpu.job.admitted"];
    expect(gpu.safeParse(admitted).success).toBe(true);
    expect(gpu.safeParse({ ...admitted, priority: "high" }).success).toBe(true);
    expect(gpu.safeParse({ ...admitted, gpus: 1.5 }).success).toBe(false);
    expect(gpu.safeParse({ ...admitted, waitSeconds: -1 }).success).toBe(false);
    const shifted = eventDataSchemas["deploy.traffic.shifted"];
    expect(shifted.safeParse({ deploymentId: "d", percent: 100, byPolicy: true }).success).toBe(true);
    expect(shifted.safeParse({ deploymentId: "d", percent: 101, byPolicy: true }).success).toBe(false);
    const incident = eventDataSchemas["incident.opened"];
    expect(incident.safeParse({ incidentId: "i", severity: 4, kind: "cost" }).success).toBe(true);
    expect(incident.safeParse({ incidentId: "i", severity: 5, kind: "cost" }).success).toBe(false);
    const judge = eventDataSchemas["eval.run.completed"];
    expect(
      judge.safeParse({ suite: "s", gate: "none", judge: { kind: "llm", humanAgreement: 1.2 } }).success,
    ).toBe(false);
  });
});

describe("kinds", () => {
  it("keeps the axes in display order", () => {
    expect(axes).toEqual(["reproducibility", "evaluation", "deployment", "observability", "governance"]);
    expect(axisSchema.options).toEqual([...axes]);
  });

  it("bounds levels to integers 1..5", () => {
    expect(levelSchema.safeParse(5).success).toBe(true);
    expect(levelSchema.safeParse(0).success).toBe(false);
    expect(levelSchema.safeParse(2.5).success).toBe(false);
  });
});
