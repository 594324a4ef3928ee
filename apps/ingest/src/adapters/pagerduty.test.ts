import { describe, expect, it } from "vitest";
import { fixtureJson } from "../../test/fixtures/load.ts";
import { mapPagerdutyDelivery, pagerdutySeverity, pagerdutySource } from "./pagerduty.ts";

const now = new Date("2026-03-02T12:00:00Z");

describe("pagerdutySeverity", () => {
  it.each([
    ["P1", "low", 1],
    ["P2", "low", 2],
    ["p3", "high", 3],
    ["P4", "high", 4],
    ["P5", "high", 4],
    [null, "high", 2],
    [null, "low", 4],
    [undefined, undefined, 4],
    ["SEV-1", "high", 2],
    ["SEV-1", "low", 4],
  ])("priority %s, urgency %s → %i", (priority, urgency, severity) => {
    expect(pagerdutySeverity(priority, urgency)).toBe(severity);
  });
});

describe("pagerdutySource", () => {
  it("is the account's URL, whichever page of it the incident links", () => {
    expect(pagerdutySource("https://acme.pagerduty.com/incidents/PGR0VU2")).toBe(
      "https://acme.pagerduty.com",
    );
    expect(pagerdutySource("https://acme.eu.pagerduty.com/incidents/Q1")).toBe(
      "https://acme.eu.pagerduty.com",
    );
  });
  it("is `pagerduty` without a link from PagerDuty", () => {
    expect(pagerdutySource(undefined)).toBe("pagerduty");
    expect(pagerdutySource("not a url")).toBe("pagerduty");
    expect(pagerdutySource("https://pagerduty.com.evil.example/incidents/1")).toBe("pagerduty");
  });
});

describe("mapPagerdutyDelivery", () => {
  it("ignores an event type it does not map without reading the data", () => {
    const result = mapPagerdutyDelivery({
      payload: { event: { id: "e1", event_type: "incident.annotated", data: { content: "a note" } } },
      now,
    });
    expect(result).toEqual({ drafts: [], ignored: expect.stringContaining("incident.annotated") });
  });

  it("routes by the incident's service and leaves unset what the payload does not say", () => {
    const payload = fixtureJson<{ event: Record<string, unknown> & { data: Record<string, unknown> } }>(
      "pagerduty/incident-triggered-p1.json",
    );
    delete payload.event.occurred_at;
    payload.event.data.title = "Scorer down";
    const [draft] = mapPagerdutyDelivery({ payload, now }).drafts;
    expect(draft).toEqual({
      type: "incident.opened",
      id: "01HQ3ZK8V6N4T2W9B7C5D1E0FA",
      source: "https://northwind-ml.pagerduty.com",
      time: now.toISOString(),
      ref: { kind: "service", id: "PSC0RE1" },
      data: { incidentId: "Q3FR7KD", severity: 1, kind: "outage" },
    });
  });
});
