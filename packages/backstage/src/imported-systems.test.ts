import type { MaturityEvent } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { importedSystemsFrom } from "./imported-systems.ts";

const source = "backstage:./catalog";
const origin = (entityRef: string, contentHash: string) => ({
  catalog: "backstage" as const,
  location: "./catalog",
  entityRef,
  contentHash,
});
const base = { specversion: "1.0", datacontenttype: "application/json", source } as const;

const events: MaturityEvent[] = [
  {
    ...base,
    id: "e1",
    type: "catalog.system.registered",
    time: "2026-11-01T10:00:00Z",
    subject: "fraud",
    data: {
      name: "Fraud",
      team: "risk",
      kind: "classical",
      riskTier: "high",
      origin: origin("component:default/fraud", "h1"),
    },
  },
  {
    ...base,
    id: "e2",
    type: "gov.owner.assigned",
    time: "2026-11-01T10:00:00Z",
    subject: "fraud",
    data: { owner: "group:default/a" },
  },
  {
    ...base,
    id: "e4",
    type: "catalog.system.updated",
    time: "2026-11-03T10:00:00Z",
    subject: "fraud",
    data: { name: "Fraud", origin: origin("component:default/fraud", "h2") },
  },
  // Delivered after, happened before: event time decides.
  {
    ...base,
    id: "e3",
    type: "catalog.system.updated",
    time: "2026-11-02T10:00:00Z",
    subject: "fraud",
    data: { name: "Fraud", origin: origin("component:default/fraud", "h-old") },
  },
  {
    ...base,
    id: "e5",
    type: "gov.owner.assigned",
    time: "2026-11-03T10:00:00Z",
    subject: "fraud",
    data: { owner: "group:default/b" },
  },
  {
    ...base,
    id: "e6",
    type: "catalog.system.retired",
    time: "2026-11-04T10:00:00Z",
    subject: "chat",
    data: { origin: origin("component:default/chat", "h9") },
  },
  // Another location's, and a hand-made entry: not this import's.
  {
    ...base,
    source: "backstage:https://other.example",
    id: "x1",
    type: "catalog.system.registered",
    time: "2026-11-05T10:00:00Z",
    subject: "other",
    data: { name: "Other", team: "t", kind: "llm", riskTier: "minimal" },
  },
  {
    ...base,
    source: "cli://me",
    id: "x2",
    type: "catalog.system.updated",
    time: "2026-11-05T10:00:00Z",
    subject: "fraud",
    data: { team: "manual" },
  },
];

describe("importedSystemsFrom", () => {
  it("gives each system of this location as its latest event left it, with the latest owner", () => {
    expect(importedSystemsFrom(events, "./catalog")).toEqual([
      {
        systemId: "chat",
        entityRef: "component:default/chat",
        contentHash: "h9",
        retired: true,
        lastEventId: "e6",
      },
      {
        systemId: "fraud",
        entityRef: "component:default/fraud",
        contentHash: "h2",
        retired: false,
        owner: "group:default/b",
        lastEventId: "e4",
      },
    ]);
  });

  it("is empty for a location nothing was imported from", () => {
    expect(importedSystemsFrom(events, "./elsewhere")).toEqual([]);
  });
});
