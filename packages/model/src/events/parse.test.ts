import { describe, expect, it } from "vitest";
import { exampleEvents } from "./examples.ts";
import { eventTypes, formatIssues, parseEvent, type EventIssue, type MaturityEvent } from "./index.ts";

function example<T extends MaturityEvent["type"]>(type: T): Extract<MaturityEvent, { type: T }> {
  const event = exampleEvents.find((candidate) => candidate.type === type);
  if (!event) throw new Error(`no example for ${type}`);
  return structuredClone(event) as Extract<MaturityEvent, { type: T }>;
}

function issuesOf(input: unknown): EventIssue[] {
  const result = parseEvent(input);
  if (result.ok) throw new Error("expected the event to be rejected");
  return result.issues;
}

describe("parseEvent", () => {
  it("accepts every example", () => {
    for (const event of exampleEvents) expect(parseEvent(event)).toEqual({ ok: true, event });
  });

  it("rejects an unknown type with a single issue listing the catalogue", () => {
    const issues = issuesOf({ ...example("deploy.completed"), type: "deploy.started" });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("type");
    expect(issues[0]?.message).toBe(
      `unknown event type "deploy.started"; expected one of ${eventTypes.join("|")}`,
    );
  });

  it("rejects a missing type on the type path", () => {
    const { type: _, ...rest } = example("deploy.completed");
    const issues = issuesOf(rest);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("type");
    expect(issues[0]?.message).toMatch(/^required; expected one of catalog\.system\.registered\|/);
  });

  it.each([null, 42, "{}", [], undefined])("rejects a non-object (%j) at the root", (input) => {
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("");
    expect(issues[0]?.message).toMatch(/^expected an object/);
  });

  it("names the path and the allowed values of a bad enum", () => {
    const event = example("ci.pipeline.completed");
    const issues = issuesOf({ ...event, data: { ...event.data, status: "passed" } });
    expect(issues).toEqual([
      { path: "data.status", message: 'expected one of succeeded|failed|cancelled, got "passed"' },
    ]);
  });

  it("reports missing required fields as required", () => {
    const { deploymentId: _, ...data } = example("deploy.completed").data;
    const issues = issuesOf({ ...example("deploy.completed"), data });
    expect(issues).toEqual([{ path: "data.deploymentId", message: "required; expected a string" }]);
  });

  it("reports a missing data object", () => {
    const { data: _, ...envelope } = example("incident.resolved");
    expect(issuesOf(envelope)).toEqual([{ path: "data", message: "required; expected an object" }]);
  });

  it("explains numeric constraints", () => {
    const event = example("llm.call.completed");
    const issues = issuesOf({ ...event, data: { ...event.data, inputTokens: -3, outputTokens: 2.5 } });
    expect(issues).toEqual([
      { path: "data.inputTokens", message: "expected a number >= 0, got -3" },
      { path: "data.outputTokens", message: "expected an integer, got 2.5" },
    ]);
  });

  it("uses bracketed indexes for array items", () => {
    const event = example("llm.tool_catalog.updated");
    const issues = issuesOf({ ...event, data: { tools: [{ name: "search", allowlisted: "yes" }] } });
    expect(issues).toEqual([
      { path: "data.tools[0].allowlisted", message: 'expected true or false, got "yes"' },
    ]);
  });

  it("allows null but not a string for terminatedCorrectly", () => {
    const event = example("agent.run.completed");
    expect(parseEvent({ ...event, data: { ...event.data, terminatedCorrectly: null } }).ok).toBe(true);
    expect(issuesOf({ ...event, data: { ...event.data, terminatedCorrectly: "maybe" } })).toEqual([
      { path: "data.terminatedCorrectly", message: "expected true, false or null" },
    ]);
  });

  it("rejects a time without an offset, in the envelope and in data", () => {
    const event = example("deploy.completed");
    const issues = issuesOf({
      ...event,
      time: "2026-01-23 10:30",
      data: { ...event.data, changeRequestedAt: "2026-01-21T16:00:00" },
    });
    expect(issues.map((issue) => issue.path)).toEqual(["time", "data.changeRequestedAt"]);
    expect(issues[0]?.message).toMatch(/^expected an RFC 3339 date-time with offset/);
  });

  it("accepts offsets other than Z and fractional seconds", () => {
    expect(parseEvent({ ...example("incident.resolved"), time: "2026-01-23T12:40:00.123+05:30" }).ok).toBe(
      true,
    );
  });

  it("checks the envelope attributes", () => {
    const issues = issuesOf({
      ...example("incident.resolved"),
      specversion: "0.3",
      id: "",
      subject: undefined,
    });
    expect(issues).toEqual([
      { path: "specversion", message: 'expected "1.0", got "0.3"' },
      { path: "id", message: "must not be empty" },
      { path: "subject", message: "required; expected a string" },
    ]);
  });

  it("accepts JSON content types only", () => {
    const event = example("incident.resolved");
    expect(parseEvent({ ...event, datacontenttype: "application/json; charset=utf-8" }).ok).toBe(true);
    const { datacontenttype: _, ...withoutContentType } = event;
    expect(parseEvent(withoutContentType).ok).toBe(true);
    const issues = issuesOf({ ...event, datacontenttype: "application/xml" });
    expect(issues).toEqual([
      { path: "datacontenttype", message: 'expected application/json, got "application/xml"' },
    ]);
  });

  it("keeps unknown envelope attributes and data keys", () => {
    const event = example("gov.owner.assigned");
    const input = {
      ...event,
      traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      data: { ...event.data, slackChannel: "#risk-ml" },
    };
    const result = parseEvent(input);
    expect(result).toEqual({ ok: true, event: input });
  });
});

describe("formatIssues", () => {
  it("joins issues on one line, naming the root", () => {
    expect(
      formatIssues([
        { path: "data.status", message: "expected one of succeeded|failed|cancelled" },
        { path: "", message: "expected an object" },
      ]),
    ).toBe("data.status: expected one of succeeded|failed|cancelled; (root): expected an object");
  });
});
