// The event `maturity emit` builds: the id rule, the defaults and the validation messages.
import { eventTypes, jsonLimits, parseEvent } from "@maturity/model";
import { describe, expect, it } from "vitest";
import {
  buildEmitEvent,
  closestEventTypes,
  defaultSource,
  deriveEventId,
  rfc3339Now,
  unknownTypeMessage,
  type EmitInput,
} from "./event.ts";

const now = Date.parse("2026-11-24T09:30:12.345Z");

const owner: EmitInput = {
  type: "gov.owner.assigned",
  subject: "fraud-scoring",
  source: defaultSource,
  data: { owner: "jane.doe", onCallRotation: "risk-ml-primary" },
  dataFlag: "--data",
};

function built(input: EmitInput, at = now) {
  const result = buildEmitEvent(input, at);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result;
}

function problems(input: EmitInput): string[] {
  const result = buildEmitEvent(input, now);
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.event)}`);
  return result.problems;
}

describe("the derived id", () => {
  it("is the same for the same type, subject, source and data, whatever the key order", () => {
    const a = deriveEventId({ ...owner, data: { owner: "jane.doe", onCallRotation: "risk-ml-primary" } });
    const b = deriveEventId({ ...owner, data: { onCallRotation: "risk-ml-primary", owner: "jane.doe" } });
    expect(a).toBe(b);
    expect(a).toMatch(/^emit-[0-9a-f]{32}$/);
  });

  it("does not depend on the clock: a retry a minute later sends the same id", () => {
    const first = built(owner, now);
    const retry = built(owner, now + 60_000);
    expect(first.derivedId).toBe(true);
    expect(retry.event.id).toBe(first.event.id);
    expect(retry.event.time).not.toBe(first.event.time);
  });

  it.each([
    ["type", { type: "gov.owner.assigned" }, { type: "catalog.system.retired" }],
    ["subject", { subject: "fraud-scoring" }, { subject: "churn-model" }],
    ["source", { source: "urn:maturity:cli" }, { source: "https://github.com/acme/fraud" }],
    ["data", { data: { owner: "jane.doe" } }, { data: { owner: "sam.lee" } }],
    ["a given --time", { time: undefined }, { time: "2026-11-24T09:00:00Z" }],
  ])("changes with the %s", (_what, a, b) => {
    expect(deriveEventId({ ...owner, ...a })).not.toBe(deriveEventId({ ...owner, ...b }));
  });

  it("is replaced by --id, kept as given", () => {
    const result = built({ ...owner, id: "gha-123456789" });
    expect(result.event.id).toBe("gha-123456789");
    expect(result.derivedId).toBe(false);
  });
});

describe("the event", () => {
  it("is a valid structured-mode CloudEvent with the defaults filled in", () => {
    const { event } = built(owner);
    expect(event).toEqual({
      specversion: "1.0",
      id: deriveEventId(owner),
      source: "urn:maturity:cli",
      type: "gov.owner.assigned",
      subject: "fraud-scoring",
      time: "2026-11-24T09:30:12Z",
      datacontenttype: "application/json",
      data: { owner: "jane.doe", onCallRotation: "risk-ml-primary" },
    });
    expect(parseEvent(event, { now }).ok).toBe(true);
  });

  it("takes --time as given", () => {
    expect(built({ ...owner, time: "2026-11-20T08:00:00+01:00" }).event.time).toBe(
      "2026-11-20T08:00:00+01:00",
    );
  });

  it("sends {} when no data is given, which a type without required fields accepts", () => {
    const { event } = built({
      type: "catalog.system.retired",
      subject: "legacy",
      source: defaultSource,
      data: undefined,
    });
    expect(event.data).toEqual({});
  });

  it("writes now as RFC 3339 in UTC, whole seconds", () => {
    expect(rfc3339Now(now)).toBe("2026-11-24T09:30:12Z");
  });
});

describe("what is refused before anything is sent", () => {
  it("an unknown type, naming the close matches and every catalogued type", () => {
    const [message] = problems({ ...owner, type: "deploy.complete" });
    expect(message).toContain('unknown event type "deploy.complete"; did you mean deploy.completed');
    for (const type of eventTypes) expect(message).toContain(type);
    expect(closestEventTypes("gov.owner.asigned")[0]).toBe("gov.owner.assigned");
    expect(closestEventTypes("deploy")).toEqual(
      expect.arrayContaining(["deploy.completed", "deploy.rolled_back"]),
    );
    expect(unknownTypeMessage("zzzzzzzzzzzzzzzz")).not.toContain("did you mean");
  });

  it("invalid data: each field path, the flag it came from and what was expected", () => {
    const found = problems({
      type: "deploy.completed",
      subject: "fraud-scoring",
      source: defaultSource,
      data: {
        deploymentId: "d-1",
        version: "1.0",
        environment: "production",
        strategy: "yolo",
        gatedByEval: "yes",
      },
      dataFlag: "--data-file",
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'data.strategy (--data-file): expected one of manual|scripted|canary|shadow|blue_green, got "yolo"',
        'data.gatedByEval (--data-file): expected true or false, got "yes"',
        "data.automated (--data-file): required; expected true or false",
        "data.status (--data-file): required; expected one of succeeded|failed",
      ]),
    );
  });

  it("missing data says that none was given", () => {
    const found = problems({ ...owner, data: undefined });
    expect(found).toContain("data.owner (--data): required; expected a string");
    expect(found.at(-1)).toMatch(/no --data or --data-file was given/);
  });

  it("data that is not an object", () => {
    expect(problems({ ...owner, data: ["jane.doe"] })[0]).toMatch(/^data \(--data\): expected an object/);
  });

  it.each([
    [{ time: "yesterday" }, /^time \(--time\): expected an RFC 3339 date-time with offset/],
    [{ time: "2026-11-24T09:00:00" }, /^time \(--time\): expected an RFC 3339 date-time with offset/],
    [{ time: "2030-01-01T00:00:00Z" }, /^time \(--time\): expected a time no later than a day from now/],
    [{ id: "" }, /^id \(--id\): must not be empty/],
    [{ subject: "" }, /^subject \(--subject\): must not be empty/],
    [{ source: "my tool" }, /^source \(--source\): expected a URI-reference without spaces/],
  ])("%j, naming the flag", (change, message) => {
    expect(problems({ ...owner, ...change })[0]).toMatch(message);
  });

  it("an event over the size limit of one event", () => {
    const found = problems({ ...owner, data: { owner: "x", notes: Array(20).fill("y".repeat(30_000)) } });
    expect(found[0]).toContain(`over the ${jsonLimits.eventBytes}-byte limit`);
  });
});
